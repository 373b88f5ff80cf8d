import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Clock } from '../../../platform/clock';
import { UntrustedServiceUrlError } from '../../../platform/channels/trustedServiceUrls';
import {
  type CheckInSender,
  outcomeForStatus,
  parseRetryAfter,
  type ProactiveDelivery,
  type SendJob,
  type SendOutcome,
} from '../sender';

interface HttpErrorShape {
  statusCode?: unknown;
  response?: { headers?: { get?(name: string): string | undefined | null } };
  /** The Retry-After header of a ChannelRefusedError (the proactive adapter's single-attempt client). */
  retryAfter?: unknown;
  /** botbuilder-dialogs wraps errors thrown inside a dialog in a DialogContextError with the original here. */
  error?: unknown;
  cause?: unknown;
}

/** The HTTP error under any wrappers (DialogContextError, Error.cause). */
function httpErrorOf(error: unknown): HttpErrorShape {
  let current = error as HttpErrorShape | undefined;
  for (let depth = 0; current && depth < 5; depth++) {
    if (typeof current.statusCode === 'number') return current;
    current = (current.error ?? current.cause) as HttpErrorShape | undefined;
  }
  return {};
}

/**
 * Sends check-ins through a CloudAdapter with continueConversationAsync (app id '' when none), so it works
 * with any channel's serviceUrl. Use the proactive adapter (createProactiveAdapter): its connector clients
 * do not retry on their own, since retries are durable and scheduled by the dispatcher.
 */
export class BotCheckInSender implements CheckInSender {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly deliver: ProactiveDelivery,
    private readonly clock: Clock,
  ) {}

  async send(job: SendJob): Promise<SendOutcome> {
    let failure: unknown;
    try {
      await this.adapter.continueConversationAsync(this.appId || '', job.reference, async (context) => {
        // Errors are caught here: a thrown error would reach the adapter's onTurnError, which talks to the person.
        try {
          stampIdempotencyKey(context, job.idempotencyKey);
          await this.deliver(context, job);
        } catch (error) {
          failure = error;
        }
      });
    } catch (error) {
      failure = error;
    }
    return failure === undefined ? { kind: 'sent' } : this.classify(failure);
  }

  private classify(error: unknown): SendOutcome {
    // A reference outside Bot Framework's services can never be reached this way: pause, send nothing.
    if (error instanceof UntrustedServiceUrlError) return { kind: 'gone', statusCode: 403 };
    const shape = httpErrorOf(error);
    const statusCode = typeof shape.statusCode === 'number' ? shape.statusCode : undefined;
    const retryAfter =
      shape.response?.headers?.get?.('retry-after') ??
      (typeof shape.retryAfter === 'string' ? shape.retryAfter : undefined);
    return outcomeForStatus(statusCode, parseRetryAfter(retryAfter, this.clock.now()));
  }
}

/** Every activity of the proactive turn carries the key; a second one in the same turn gets a suffix. */
function stampIdempotencyKey(context: TurnContext, key: string): void {
  let sent = 0;
  context.onSendActivities(async (_ctx, activities, next) => {
    for (const activity of activities) {
      const idempotencyKey = sent === 0 ? key : `${key}:${sent}`;
      const channelData = (activity.channelData ?? {}) as Record<string, unknown>;
      activity.channelData = { ...channelData, idempotencyKey };
      sent++;
    }
    return next();
  });
}
