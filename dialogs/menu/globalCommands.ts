import type { GlobalCommand } from '../../src/platform/bot/commands';
import type { DialogServices } from '../shared/services';
import { ROOT_DIALOG, resumeOrMenu } from '../shared/rootDialog';

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
