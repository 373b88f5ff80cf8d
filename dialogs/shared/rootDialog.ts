import type { DialogContext } from 'botbuilder-dialogs';
import { innermost } from './dialogContexts';

/** The menu's dialog id: every feature's command may start it, so it lives below the features. */
export const ROOT_DIALOG = 'root';

/** After a command that answered in place: the innermost waiting prompt asks again, or the menu starts. */
export async function resumeOrMenu(dc: DialogContext): Promise<void> {
  if (dc.activeDialog) await innermost(dc).repromptDialog();
  else await dc.beginDialog(ROOT_DIALOG);
}
