import { type Activity, type ConversationReference, TurnContext } from 'botbuilder';

/** A person is one user id on one channel. Storage keys and logs use this, never names. */
export function personIdOf(activity: Pick<Activity, 'channelId' | 'from'>): string {
  return `${activity.channelId}:${activity.from?.id ?? 'unknown'}`;
}

export function conversationKeyOf(activity: Pick<Activity, 'channelId' | 'conversation'>): string {
  return `${activity.channelId}:${activity.conversation?.id ?? 'unknown'}`;
}

/**
 * Where to reach the person later: the activity's conversation reference without the message id, so it
 * stays the same from turn to turn and storing it again is a no-op instead of a write per message.
 */
export function durableReference(activity: Partial<Activity>): Partial<ConversationReference> {
  const { activityId: _activityId, ...reference } = TurnContext.getConversationReference(activity);
  return reference;
}
