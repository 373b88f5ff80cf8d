import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { Dialog } from '../../src/platform/bot/dialogsLibrary';
import type { DialogServices } from '../shared/services';

export const SUPPORT_DIALOG = 'support';
export const ABOUT_DIALOG = 'about';

/** Shows one text from content and ends: used for short, fixed answers such as support resources. */
export class InfoDialog extends Dialog {
  constructor(
    dialogId: string,
    private readonly textKey: string,
    private readonly services: Pick<DialogServices, 'content' | 'renderer'>,
  ) {
    super(dialogId);
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const { content, renderer } = this.services;
    await dc.context.sendActivity(renderer.render({ text: content.text(this.textKey) }, dc.context.activity.channelId));
    return dc.endDialog();
  }
}
