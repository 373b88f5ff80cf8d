import type { Pool } from 'pg';
import type { ConversationRefRepository, StoredReference } from '../repositories';

export class PostgresConversationRefRepository implements ConversationRefRepository {
  readonly name = 'conversation_refs';

  constructor(private readonly pool: Pool) {}

  async save(personId: string, channelId: string, reference: StoredReference, at: Date): Promise<void> {
    await this.pool.query(
      `INSERT INTO conversation_refs (person_id, channel_id, reference, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (person_id, channel_id) DO UPDATE SET reference = excluded.reference, updated_at = excluded.updated_at
       WHERE conversation_refs.reference IS DISTINCT FROM excluded.reference`,
      [personId, channelId, JSON.stringify(reference), at.toISOString()],
    );
  }

  async get(personId: string, channelId: string): Promise<StoredReference | undefined> {
    const { rows } = await this.pool.query<{ reference: string }>(
      'SELECT reference FROM conversation_refs WHERE person_id = $1 AND channel_id = $2',
      [personId, channelId],
    );
    return rows[0] && (JSON.parse(rows[0].reference) as StoredReference);
  }

  async exportFor(personId: string): Promise<unknown> {
    const { rows } = await this.pool.query<{ channel_id: string; reference: string; updated_at: string }>(
      'SELECT channel_id, reference, updated_at FROM conversation_refs WHERE person_id = $1 ORDER BY channel_id',
      [personId],
    );
    return rows.map((r) => ({
      channelId: r.channel_id,
      reference: JSON.parse(r.reference) as StoredReference,
      updatedAt: r.updated_at,
    }));
  }

  async deleteFor(personId: string): Promise<void> {
    await this.pool.query('DELETE FROM conversation_refs WHERE person_id = $1', [personId]);
  }
}
