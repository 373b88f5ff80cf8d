import type { TurnContext } from 'botbuilder';
import type { DialogContext, DialogSet, DialogStateManagerConfiguration } from 'botbuilder-dialogs';

/** Where botbuilder-dialogs looks for a ready memory configuration before it builds one (botbuilder 4.23). */
export const DIALOG_STATE_CONFIGURATION_KEY = 'DialogStateManagerConfiguration';

/**
 * Creates a turn's dialog context. botbuilder-dialogs builds its memory-scope configuration afresh on
 * every turn (a tenth of a short turn's work) unless turn state already holds one; its own DialogManager
 * keeps one for the process, and so does this. The scopes hold no per-turn data.
 */
export class DialogContextFactory {
  private configuration: DialogStateManagerConfiguration | undefined;

  constructor(private readonly dialogs: DialogSet) {}

  async create(context: TurnContext): Promise<DialogContext> {
    if (this.configuration && !context.turnState.has(DIALOG_STATE_CONFIGURATION_KEY)) {
      context.turnState.set(DIALOG_STATE_CONFIGURATION_KEY, this.configuration);
    }
    const dc = await this.dialogs.createContext(context);
    this.configuration ??= dc.state.configuration;
    return dc;
  }
}
