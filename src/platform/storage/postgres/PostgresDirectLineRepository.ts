import type { Pool } from 'pg';
import type {
  DirectLineConversation,
  DirectLineExport,
  DirectLineRepository,
  NewActivity,
  StoredActivity,
} from '../repositories';
import { type ActivityRow, activityIdFor, toStored, UnknownConversationError } from '../rows/directLine';
import { withTransaction } from './database';

interface ConversationRow {
  conversation_id: string;
  person_id: string;
  user_id: string;
  created_at: Date;
  last_activity_at: Date;
}

const toConversation = (row: ConversationRow): DirectLineConversation => ({
  conversationId: row.conversation_id,
  personId: row.person_id,
  userId: row.user_id,
  createdAt: row.created_at.toISOString(),
  lastActivityAt: row.last_activity_at.toISOString(),
});

export class PostgresDirectLineRepository implements DirectLineRepository {
  readonly name = 'directLine';

  constructor(private readonly pool: Pool) {}

  async createConversation(c: {
    conversationId: string;
    userId: string;
    personId: string;
    at: Date;
  }): Promise<boolean> {
    const result = await this.pool.query(
      `INSERT INTO directline_conversations (conversation_id, person_id, user_id, created_at, last_activity_at)
       VALUES ($1, $2, $3, $4, $4) ON CONFLICT (conversation_id) DO NOTHING`,
      [c.conversationId, c.personId, c.userId, c.at],
    );
    return result.rowCount === 1;
  }

  async getConversation(conversationId: string): Promise<DirectLineConversation | undefined> {
    const { rows } = await this.pool.query<ConversationRow>(
      'SELECT * FROM directline_conversations WHERE conversation_id = $1',
      [conversationId],
    );
    return rows[0] && toConversation(rows[0]);
  }

  /** Locks the conversation row first, so appends from several instances get consecutive watermarks. */
  async appendActivity(
    conversationId: string,
    input: NewActivity,
  ): Promise<{ stored: StoredActivity; duplicate: boolean }> {
    return withTransaction(this.pool, async (client) => {
      const locked = await client.query(
        'SELECT 1 FROM directline_conversations WHERE conversation_id = $1 FOR UPDATE',
        [conversationId],
      );
      if (locked.rowCount === 0) throw new UnknownConversationError(conversationId);
      if (input.idempotencyKey !== undefined) {
        const earlier = await client.query<ActivityRow>(
          'SELECT seq, activity_id, direction, activity FROM directline_activities WHERE conversation_id = $1 AND idempotency_key = $2',
          [conversationId, input.idempotencyKey],
        );
        if (earlier.rows[0]) return { stored: toStored(earlier.rows[0]), duplicate: true };
      }
      const last = await client.query<{ seq: number }>(
        'SELECT COALESCE(MAX(seq), 0)::int AS seq FROM directline_activities WHERE conversation_id = $1',
        [conversationId],
      );
      const seq = last.rows[0].seq + 1;
      const activityId = activityIdFor(conversationId, seq);
      const activity = { ...input.activity, id: activityId };
      await client.query(
        `INSERT INTO directline_activities (conversation_id, seq, activity_id, direction, type, idempotency_key, created_at, activity)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          conversationId,
          seq,
          activityId,
          input.direction,
          activity.type,
          input.idempotencyKey ?? null,
          input.at,
          JSON.stringify(activity),
        ],
      );
      await client.query('UPDATE directline_conversations SET last_activity_at = $2 WHERE conversation_id = $1', [
        conversationId,
        input.at,
      ]);
      return { stored: { seq, activityId, direction: input.direction, activity }, duplicate: false };
    });
  }

  async activitiesAfter(conversationId: string, watermark: number, limit: number): Promise<StoredActivity[]> {
    const { rows } = await this.pool.query<ActivityRow>(
      'SELECT seq, activity_id, direction, activity FROM directline_activities WHERE conversation_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
      [conversationId, watermark, limit],
    );
    return rows.map(toStored);
  }

  async exportFor(personId: string): Promise<DirectLineExport> {
    const { rows } = await this.pool.query<ConversationRow>(
      'SELECT * FROM directline_conversations WHERE person_id = $1 ORDER BY created_at, conversation_id',
      [personId],
    );
    const conversations = [];
    for (const row of rows) {
      const activities = await this.activitiesAfter(row.conversation_id, 0, Number.MAX_SAFE_INTEGER);
      conversations.push({ ...toConversation(row), activities: activities.map((a) => a.activity) });
    }
    return { conversations };
  }

  async deleteFor(personId: string): Promise<number> {
    const result = await this.pool.query('DELETE FROM directline_conversations WHERE person_id = $1', [personId]);
    return result.rowCount ?? 0;
  }
}
