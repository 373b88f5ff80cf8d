import {
  ComponentDialog,
  Dialog,
  type DialogContext,
  type DialogTurnResult,
  type WaterfallStepContext,
  WaterfallDialog,
} from 'botbuilder-dialogs';
import type { CoachServices } from '../src/bot/services';
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

/** The main menu: shows what the bot can do, runs the chosen dialog, then offers the menu again. */
export class RootDialog extends ComponentDialog {
  constructor(
    private readonly services: Pick<CoachServices, 'content' | 'renderer' | 'store'>,
    private readonly entries: MenuEntry[],
  ) {
    super(ROOT_DIALOG);
    this.addDialog(new OptionPrompt(MENU_PROMPT, services));
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
    const { content } = this.services;
    const choices = choicesFromContent(content, 'menu', this.entries.map((e) => e.value));
    return step.prompt(MENU_PROMPT, OptionPrompt.options({ message: { text: content.text('menu.prompt'), choices } }));
  }

  private async runChoice(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const entry = this.entries.find((e) => e.value === step.result);
    if (!entry) return step.next();
    if (entry.needsConsent) return beginWithConsent(step, this.services, entry.dialogId);
    return step.beginDialog(entry.dialogId);
  }

  private async loop(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.replaceDialog(MENU_WATERFALL);
  }
}
