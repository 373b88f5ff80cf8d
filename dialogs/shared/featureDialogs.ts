import type { Dialog } from 'botbuilder-dialogs';
import type { GlobalCommand } from '../../src/platform/bot/commands';

/** What a feature adds to the bot: its dialogs, and its commands that work inside any dialog. */
export interface FeatureDialogs {
  dialogs: Dialog[];
  commands: GlobalCommand[];
}
