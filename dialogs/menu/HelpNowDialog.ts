import type { TurnContext } from 'botbuilder';
import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { Dialog } from '../../src/platform/bot/dialogsLibrary';
import type { DialogServices } from '../shared/services';
import { normalize } from '../../src/platform/nlu/choices';

export const HELP_NOW_DIALOG = 'helpNow';

/**
 * "Help right now": one step for the next ten minutes (for an urge, or for a body in withdrawal), the
 * first-days kit, and who to call. The same texts from the menu and from free text at any moment.
 */
export async function sendHelpNow(
  services: Pick<DialogServices, 'content' | 'renderer'>,
  context: TurnContext,
  said = '',
): Promise<void> {
  const { content, renderer } = services;
  const words = ` ${normalize(said)} `;
  const body = content.list('helpNow.symptomWords').some((w) => words.includes(` ${normalize(w)} `));
  const channelId = context.activity.channelId;
  await context.sendActivities(
    [`helpNow.steps.${body ? 'withdrawal' : 'craving'}`, 'helpNow.kit', 'helpNow.talk'].map((key) =>
      renderer.render({ text: content.text(key) }, channelId),
    ),
  );
}

/** The menu's way in: shows the help and ends, so the menu comes back. */
export class HelpNowDialog extends Dialog {
  constructor(private readonly services: Pick<DialogServices, 'content' | 'renderer'>) {
    super(HELP_NOW_DIALOG);
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    await sendHelpNow(this.services, dc.context);
    return dc.endDialog();
  }
}
