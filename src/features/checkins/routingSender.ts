import type { StoredReference } from '../../platform/storage/repositories';
import type { CheckInSender, SendJob, SendOutcome } from './sender';

/** A channel that sends its own conversations' proactive messages (e.g. direct Slack through its Web API). */
export interface ChannelRoute extends CheckInSender {
  owns(reference: StoredReference): boolean;
}

/**
 * One sending path per channel: the stored conversation reference says which channel owns a conversation,
 * and its proactive messages go only through that channel. Everything no route claims goes through the
 * Bot Framework connector (fallback).
 */
export class RoutingCheckInSender implements CheckInSender {
  constructor(
    private readonly routes: ChannelRoute[],
    private readonly fallback: CheckInSender,
  ) {}

  send(job: SendJob): Promise<SendOutcome> {
    const route = this.routes.find((r) => r.owns(job.reference));
    return (route ?? this.fallback).send(job);
  }
}
