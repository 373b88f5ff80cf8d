import type { StoredActivity } from '../repositories';
export class UnknownConversationError extends Error {
  constructor(readonly conversationId: string) {
    super('Direct Line conversation not found');
    this.name = 'UnknownConversationError';
  }
}

/** Direct Line ids look like Azure's: the conversation id, a bar, and the zero-padded watermark. */
export function activityIdFor(conversationId: string, seq: number): string {
  return `${conversationId}|${String(seq).padStart(7, '0')}`;
}

export interface ActivityRow {
  seq: number;
  activity_id: string;
  direction: 'user' | 'bot';
  activity: string;
}

export const toStored = (row: ActivityRow): StoredActivity => ({
  seq: row.seq,
  activityId: row.activity_id,
  direction: row.direction,
  activity: JSON.parse(row.activity) as StoredActivity['activity'],
});
