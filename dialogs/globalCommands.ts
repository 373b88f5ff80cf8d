import type { DialogContext } from 'botbuilder-dialogs';
import type { GlobalCommand } from '../src/bot/commands';
import type { CoachServices } from '../src/bot/services';
import { ROOT_DIALOG } from './RootDialog';

/** help and start over: available inside every dialog. Later features add their own commands. */
export function coreCommands(services: Pick<CoachServices, 'content' | 'renderer'>): GlobalCommand[] {
  const say = (channelId: string, key: string) => services.renderer.render({ text: services.content.text(key) }, channelId);
  return [
    {
      id: 'help',
      phrasesKey: 'help.commands.help',
      async run(dc) {
        await dc.context.sendActivity(say(dc.context.activity.channelId, 'help.text'));
        if (dc.activeDialog) await innermost(dc).repromptDialog();
        else await dc.beginDialog(ROOT_DIALOG);
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

/**
 * The context of the innermost active dialog. Re-prompting from there keeps each level's parent link,
 * so a menu dialog registered next to the root (not inside it) is still found.
 */
function innermost(dc: DialogContext): DialogContext {
  let current = dc;
  while (current.child) current = current.child;
  return current;
}
