import type { ConversationRefRepository, StoredReference } from '../repositories';
import type { SqliteDb } from './database';
import { commitTurnWrite, type GroupCommit } from './GroupCommit';

export class SqliteConversationRefRepository implements ConversationRefRepository {
  readonly name = 'conversation_refs';
  private readonly upsert;
  private readonly selectOne;

  constructor(
    private readonly db: SqliteDb,
    /** References are refreshed by turns, so a change joins the turns' group commit. */
    private readonly group?: GroupCommit,
  ) {
    this.upsert = db.prepare(
      `INSERT INTO conversation_refs (person_id, channel_id, reference, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(person_id, channel_id) DO UPDATE SET reference = excluded.reference, updated_at = excluded.updated_at
       WHERE conversation_refs.reference IS NOT excluded.reference`,
    );
    this.selectOne = db.prepare<[string, string], { reference: string }>(
      'SELECT reference FROM conversation_refs WHERE person_id = ? AND channel_id = ?',
    );
  }

  /** Runs on every consented turn and seldom changes anything: a read first spares the write lock. */
  async save(personId: string, channelId: string, reference: StoredReference, at: Date): Promise<void> {
    const json = JSON.stringify(reference);
    if (this.selectOne.get(personId, channelId)?.reference === json) return;
    await commitTurnWrite(this.group, () => this.upsert.run(personId, channelId, json, at.toISOString()));
  }

  async get(personId: string, channelId: string): Promise<StoredReference | undefined> {
    const row = this.selectOne.get(personId, channelId);
    return row && (JSON.parse(row.reference) as StoredReference);
  }

  async exportFor(personId: string): Promise<unknown> {
    const rows = this.db
      .prepare<[string], { channel_id: string; reference: string; updated_at: string }>(
        'SELECT channel_id, reference, updated_at FROM conversation_refs WHERE person_id = ?',
      )
      .all(personId);
    return rows.map((r) => ({
      channelId: r.channel_id,
      reference: JSON.parse(r.reference) as StoredReference,
      updatedAt: r.updated_at,
    }));
  }

  async deleteFor(personId: string): Promise<void> {
    this.db.prepare('DELETE FROM conversation_refs WHERE person_id = ?').run(personId);
  }
}
