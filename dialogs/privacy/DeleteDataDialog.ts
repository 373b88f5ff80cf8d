import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { ComponentDialog, WaterfallDialog } from '../../src/platform/bot/dialogsLibrary';
import { forgetPersonAfterTurn } from '../../src/platform/bot/CoachBot';
import { personIdOf } from '../../src/platform/channels/identity';
import type { DialogServices } from '../shared/services';
import { describeError } from '../../src/platform/logger';
import { DATA_DELETED_EVENT } from '../../src/platform/channels/messages';
import { choicesFromContent, OptionPrompt } from '../shared/OptionPrompt';

export const DELETE_DATA_DIALOG = 'deleteData';
const DELETE_WATERFALL = 'deleteData.steps';
const CONFIRM_PROMPT = 'deleteData.confirm';

/**
 * `delete my data`: asks to confirm, then removes every row and state item about the person from
 * every registered owner, says it is done and sends the `steady.dataDeleted` event. The turn then saves
 * nothing, so the next message starts fresh.
 */
export class DeleteDataDialog extends ComponentDialog {
  constructor(private readonly services: DialogServices) {
    super(DELETE_DATA_DIALOG);
    this.addDialog(new OptionPrompt(CONFIRM_PROMPT, services));
    this.addDialog(new WaterfallDialog(DELETE_WATERFALL, [this.confirm.bind(this), this.deleteOrKeep.bind(this)]));
    this.initialDialogId = DELETE_WATERFALL;
  }

  private async confirm(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content } = this.services;
    const message = {
      text: content.text('privacy.delete.confirm'),
      choices: choicesFromContent(content, 'privacy.delete', ['yes', 'no']),
    };
    return step.prompt(CONFIRM_PROMPT, OptionPrompt.options({ message, retryKey: 'privacy.delete.reprompt' }));
  }

  private async deleteOrKeep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content, renderer, personalData, logger } = this.services;
    const channelId = step.context.activity.channelId;
    const say = (key: string) => step.context.sendActivity(renderer.render({ text: content.text(key) }, channelId));
    if (step.result !== 'yes') {
      await say('privacy.delete.kept');
      return step.endDialog();
    }
    try {
      // The conversation's own history stays until the channel has delivered the confirmation below
      // (our Direct Line channel deletes it then); everything else goes now, so a failure can be told.
      await personalData.deleteAllButConversation(personIdOf(step.context.activity), this.services.clock.now());
    } catch (error) {
      logger.error({ error: describeError(error) }, 'personal data deletion failed');
      await say('privacy.delete.failed');
      return step.endDialog();
    }
    forgetPersonAfterTurn(step.context);
    logger.info('personal data deleted on request');
    await say('privacy.delete.done');
    try {
      await step.context.sendActivity({ type: 'event', name: DATA_DELETED_EVENT });
    } catch (error) {
      // A channel that refuses events (the data is gone either way) must not turn the confirmation into an error.
      logger.warn({ error: describeError(error) }, 'the data-deleted event could not be sent');
    }
    return step.cancelAllDialogs(true);
  }
}
