import type {
  DirectLineConversation,
  DirectLineExport,
  DirectLineRepository,
  NewActivity,
  StoredActivity,
} from '../repositories';
import type { SqliteDb } from './database';
import { type ActivityRow, activityIdFor, toStored, UnknownConversationError } from '../rows/directLine';

interface ConversationRow {
  conversation_id: string;
  person_id: string;
  user_id: string;
  created_at: string;
  last_activity_at: string;
}

const toConversation = (row: ConversationRow): DirectLineConversation => ({
  conversationId: row.conversation_id,
  personId: row.person_id,
  userId: row.user_id,
  createdAt: row.created_at,
  lastActivityAt: row.last_activity_at,
});

export class SqliteDirectLineRepository implements DirectLineRepository {
  readonly name = 'directLine';

  constructor(private readonly db: SqliteDb) {}

  async createConversation(c: {
    conversationId: string;
    userId: string;
    personId: string;
    at: Date;
  }): Promise<boolean> {
    const iso = c.at.toISOString();
    const result = this.db
      .prepare(
        `INSERT INTO directline_conversations (conversation_id, person_id, user_id, created_at, last_activity_at)
         VALUES (?, ?, ?, ?, ?) ON CONFLICT(conversation_id) DO NOTHING`,
      )
      .run(c.conversationId, c.personId, c.userId, iso, iso);
    return result.changes === 1;
  }

  async getConversation(conversationId: string): Promise<DirectLineConversation | undefined> {
    const row = this.db
      .prepare<[string], ConversationRow>('SELECT * FROM directline_conversations WHERE conversation_id = ?')
      .get(conversationId);
    return row && toConversation(row);
  }

  async appendActivity(
    conversationId: string,
    input: NewActivity,
  ): Promise<{ stored: StoredActivity; duplicate: boolean }> {
    return this.db
      .transaction(() => {
        const exists = this.db
          .prepare('SELECT 1 FROM directline_conversations WHERE conversation_id = ?')
          .pluck()
          .get(conversationId);
        if (!exists) throw new UnknownConversationError(conversationId);
        if (input.idempotencyKey !== undefined) {
          const earlier = this.db
            .prepare<[string, string], ActivityRow>(
              'SELECT seq, activity_id, direction, activity FROM directline_activities WHERE conversation_id = ? AND idempotency_key = ?',
            )
            .get(conversationId, input.idempotencyKey);
          if (earlier) return { stored: toStored(earlier), duplicate: true };
        }
        const last = this.db
          .prepare('SELECT COALESCE(MAX(seq), 0) FROM directline_activities WHERE conversation_id = ?')
          .pluck()
          .get(conversationId) as number;
        const seq = last + 1;
        const activityId = activityIdFor(conversationId, seq);
        const activity = { ...input.activity, id: activityId };
        const iso = input.at.toISOString();
        this.db
          .prepare(
            `INSERT INTO directline_activities
               (conversation_id, seq, activity_id, direction, type, idempotency_key, created_at, activity)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            conversationId,
            seq,
            activityId,
            input.direction,
            activity.type,
            input.idempotencyKey ?? null,
            iso,
            JSON.stringify(activity),
          );
        this.db
          .prepare('UPDATE directline_conversations SET last_activity_at = ? WHERE conversation_id = ?')
          .run(iso, conversationId);
        return { stored: { seq, activityId, direction: input.direction, activity }, duplicate: false };
      })
      .immediate();
  }

  async activitiesAfter(conversationId: string, watermark: number, limit: number): Promise<StoredActivity[]> {
    return this.db
      .prepare<[string, number, number], ActivityRow>(
        `SELECT seq, activity_id, direction, activity FROM directline_activities
         WHERE conversation_id = ? AND seq > ? ORDER BY seq LIMIT ?`,
      )
      .all(conversationId, watermark, limit)
      .map(toStored);
  }

  async exportFor(personId: string): Promise<DirectLineExport> {
    const conversations = this.db
      .prepare<[string], ConversationRow>(
        'SELECT * FROM directline_conversations WHERE person_id = ? ORDER BY created_at, conversation_id',
      )
      .all(personId);
    const activities = this.db.prepare<[string], ActivityRow>(
      'SELECT seq, activity_id, direction, activity FROM directline_activities WHERE conversation_id = ? ORDER BY seq',
    );
    return {
      conversations: conversations.map((row) => ({
        ...toConversation(row),
        activities: activities.all(row.conversation_id).map((a) => toStored(a).activity),
      })),
    };
  }

  async deleteFor(personId: string): Promise<number> {
    return this.db
      .transaction(() => {
        this.db
          .prepare(
            `DELETE FROM directline_activities WHERE conversation_id IN
               (SELECT conversation_id FROM directline_conversations WHERE person_id = ?)`,
          )
          .run(personId);
        return this.db.prepare('DELETE FROM directline_conversations WHERE person_id = ?').run(personId).changes;
      })
      .immediate();
  }
}
