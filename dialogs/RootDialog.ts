import {
  ComponentDialog,
  Dialog,
  type DialogContext,
  type DialogTurnResult,
  type WaterfallStepContext,
  WaterfallDialog,
} from 'botbuilder-dialogs';
import type { CoachServices } from '../src/bot/services';
import { recognizeChoiceExactly } from '../src/nlu/choices';
import { beginWithConsent } from './consentGate';
import { innermost } from './dialogContexts';
import { choicesFromContent, OptionPrompt } from './OptionPrompt';

export const ROOT_DIALOG = 'root';
const MENU_WATERFALL = 'root.menu';
const MENU_PROMPT = 'root.menuPrompt';

/** One main-menu item: its value names its label and synonyms in content (menu.options.<value>). */
export interface MenuEntry {
  value: string;
  dialogId: string;
  /** The dialog keeps personal data (intake, program, check-ins): consent is asked first when missing. */
  needsConsent?: boolean;
}

/** Where a free-text answer to the menu goes when it is not a menu choice (for example a question). */
export interface MenuFallback {
  dialogId: string;
  accepts(text: string): boolean;
  /** The options the fallback dialog begins with. */
  options(text: string): object;
}

/** The main menu: shows what the bot can do, runs the chosen dialog, then offers the menu again. */
export class RootDialog extends ComponentDialog {
  constructor(
    private readonly services: Pick<CoachServices, 'content' | 'renderer' | 'store'>,
    private readonly entries: MenuEntry[],
    private readonly fallback?: MenuFallback,
  ) {
    super(ROOT_DIALOG);
    this.addDialog(new OptionPrompt(MENU_PROMPT, services, async (prompt) => prompt.recognized.succeeded || this.fallbackAccepts(prompt.context.activity.text)));
    this.addDialog(new WaterfallDialog(MENU_WATERFALL, [this.showMenu.bind(this), this.runChoice.bind(this), this.loop.bind(this)]));
    this.initialDialogId = MENU_WATERFALL;
  }

  /**
   * When a dialog pushed on top of the menu (crisis, privacy, delete) ends, the waiting prompt asks again.
   * ComponentDialog would re-prompt through a context with no parent link, which cannot find the menu
   * dialogs the composition root adds next to this one.
   */
  override async resumeDialog(outerDC: DialogContext): Promise<DialogTurnResult> {
    const inner = outerDC.child;
    if (inner) await innermost(inner).repromptDialog();
    return Dialog.EndOfTurn;
  }

  /** Dialogs reached from the menu are added by the composition root next to this one. */
  private async showMenu(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const message = { text: this.services.content.text('menu.prompt'), choices: this.menuChoices() };
    return step.prompt(MENU_PROMPT, OptionPrompt.options({ message }));
  }

  private async runChoice(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const entry = this.entries.find((e) => e.value === step.result);
    const text = step.context.activity.text;
    // A reply that only contains an entry's words ("why do I need more tolerance?") goes to the fallback when it wants it.
    const exact = typeof text === 'string' && recognizeChoiceExactly(text, this.menuChoices()) !== undefined;
    if (entry && (exact || !this.fallbackAccepts(text))) {
      if (entry.needsConsent) return beginWithConsent(step, this.services, entry.dialogId);
      return step.beginDialog(entry.dialogId);
    }
    if (this.fallback && this.fallbackAccepts(text)) return step.beginDialog(this.fallback.dialogId, this.fallback.options(text));
    return step.next();
  }

  private menuChoices() {
    return choicesFromContent(this.services.content, 'menu', this.entries.map((e) => e.value));
  }

  private fallbackAccepts(text: unknown): text is string {
    return typeof text === 'string' && this.fallback !== undefined && this.fallback.accepts(text);
  }

  private async loop(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.replaceDialog(MENU_WATERFALL);
  }
}
