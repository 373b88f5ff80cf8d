import type { CheckInSender, ProactiveDelivery, SendJob, SendOutcome } from '../sender';
import type { StoredReference } from '../../../platform/storage/repositories';
import type { SlackChannel } from '../../../platform/channels/slack/SlackChannel';
import { slackSendOutcome } from './slackOutcomes';

/**
 * Check-ins and follow-ups for direct Slack conversations: the proactive turn runs locally and what it
 * says is posted with chat.postMessage and the bot token. No Bot Framework connector, no Azure token.
 */
export class SlackCheckInSender implements CheckInSender {
  constructor(
    private readonly channel: SlackChannel,
    private readonly deliver: ProactiveDelivery,
  ) {}

  owns(reference: StoredReference): boolean {
    return this.channel.owns(reference);
  }

  async send(job: SendJob): Promise<SendOutcome> {
    let failure: unknown;
    try {
      await this.channel.deliverProactive(job.reference, async (context) => {
        // Caught here: a thrown error would reach the adapter's onTurnError, which talks to the person.
        try {
          await this.deliver(context, job);
        } catch (error) {
          failure = error;
        }
      });
    } catch (error) {
      failure ??= error;
    }
    return failure === undefined ? { kind: 'sent' } : slackSendOutcome(failure);
  }
}
