import type { DialogContext } from 'botbuilder-dialogs';
import type { GlobalCommand } from '../src/bot/commands';
import type { DialogServices } from './services';
import { innermost } from './dialogContexts';
import { ROOT_DIALOG } from './RootDialog';

/** help and start over: available inside every dialog. Later features add their own commands. */
export function coreCommands(services: Pick<DialogServices, 'content' | 'renderer'>): GlobalCommand[] {
  const say = (channelId: string, key: string) =>
    services.renderer.render({ text: services.content.text(key) }, channelId);
  return [
    {
      id: 'help',
      phrasesKey: 'help.commands.help',
      async run(dc) {
        await dc.context.sendActivity(say(dc.context.activity.channelId, 'help.text'));
        await resumeOrMenu(dc);
      },
    },
    {
      id: 'startOver',
      phrasesKey: 'help.commands.startOver',
      async run(dc) {
        await dc.cancelAllDialogs();
        await dc.context.sendActivity(say(dc.context.activity.channelId, 'help.startOver.done'));
        await dc.beginDialog(ROOT_DIALOG);
      },
    },
  ];
}

/** After a command that answered in place: the innermost waiting prompt asks again, or the menu starts. */
export async function resumeOrMenu(dc: DialogContext): Promise<void> {
  if (dc.activeDialog) await innermost(dc).repromptDialog();
  else await dc.beginDialog(ROOT_DIALOG);
}
