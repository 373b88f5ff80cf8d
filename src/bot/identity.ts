import type { Activity } from 'botbuilder';

/** A person is one user id on one channel. Storage keys and logs use this, never names. */
export function personIdOf(activity: Pick<Activity, 'channelId' | 'from'>): string {
  return `${activity.channelId}:${activity.from?.id ?? 'unknown'}`;
}

export function conversationKeyOf(activity: Pick<Activity, 'channelId' | 'conversation'>): string {
  return `${activity.channelId}:${activity.conversation?.id ?? 'unknown'}`;
}
