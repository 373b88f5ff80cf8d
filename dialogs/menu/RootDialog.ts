import type { DialogDependencies, DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { Dialog, WaterfallDialog } from '../../src/platform/bot/dialogsLibrary';
import type { DialogServices } from '../shared/services';
import { recognizeChoiceExactly } from '../../src/platform/nlu/choices';
import { beginWithConsent } from '../privacy/consentGate';
import { ROOT_DIALOG } from '../shared/rootDialog';
import { choicesFromContent, OptionPrompt } from '../shared/OptionPrompt';

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

/**
 * The main menu: shows what the bot can do, runs the chosen dialog, then offers the menu again.
 *
 * A waterfall at the bottom of the conversation's own stack rather than a component holding one: the
 * dialog it starts sits right above it, so no turn pays for an extra nesting level. Its prompt comes
 * along through getDependencies (DialogSet.add adds it); the dialogs reached from the menu are added
 * by the composition root.
 */
export class RootDialog extends WaterfallDialog implements DialogDependencies {
  private readonly prompt: OptionPrompt;

  constructor(
    private readonly services: Pick<DialogServices, 'content' | 'renderer' | 'consent'>,
    private readonly entries: readonly MenuEntry[],
    private readonly fallback?: MenuFallback,
  ) {
    super(ROOT_DIALOG);
    this.prompt = new OptionPrompt(
      MENU_PROMPT,
      services,
      async (prompt) => prompt.recognized.succeeded || this.fallbackAccepts(prompt.context.activity.text),
    );
    this.addStep(this.showMenu.bind(this));
    this.addStep(this.runChoice.bind(this));
    this.addStep(this.loop.bind(this));
  }

  getDependencies(): Dialog[] {
    return [this.prompt];
  }

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
    if (this.fallback && this.fallbackAccepts(text))
      return step.beginDialog(this.fallback.dialogId, this.fallback.options(text));
    return step.next();
  }

  private menuChoices() {
    return choicesFromContent(
      this.services.content,
      'menu',
      this.entries.map((e) => e.value),
    );
  }

  private fallbackAccepts(text: unknown): text is string {
    return typeof text === 'string' && this.fallback !== undefined && this.fallback.accepts(text);
  }

  private async loop(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.replaceDialog(ROOT_DIALOG);
  }
}
