import { LAST_SEEN_RESOLUTION_MS, type PersonRecord, type PersonRepository } from '../repositories';
import type { Statement } from 'better-sqlite3';
import type { SqliteDb } from './database';

interface PersonRow {
  person_id: string;
  channel_id: string;
  created_at: string;
  last_seen_at: string;
}

export class SqlitePersonRepository implements PersonRepository {
  readonly name = 'people';
  private readonly upsertSeen;
  private readonly seenWithKeys;
  /** By number of state keys: whether a visit would change nothing (see seen). */
  private readonly upToDate = new Map<number, Statement<unknown[], number>>();

  constructor(private readonly db: SqliteDb) {
    this.upsertSeen = db.prepare(
      `INSERT INTO people (person_id, channel_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(person_id) DO UPDATE SET last_seen_at = excluded.last_seen_at WHERE people.last_seen_at < ?`,
    );
    const linkKey = db.prepare('INSERT OR IGNORE INTO person_state_keys (person_id, state_key, first_seen_at) VALUES (?, ?, ?)');
    // Runs on every turn: statements and the transaction wrapper are built once.
    this.seenWithKeys = db.transaction((personId: string, channelId: string, stateKeys: string[], at: Date) => {
      const iso = at.toISOString();
      this.upsertSeen.run(personId, channelId, iso, iso, new Date(at.getTime() - LAST_SEEN_RESOLUTION_MS).toISOString());
      for (const key of stateKeys) linkKey.run(personId, key, iso);
    });
  }

  async seen(personId: string, channelId: string, stateKeys: string[], at: Date): Promise<void> {
    const keys = stateKeys.length > 1 ? [...new Set(stateKeys)] : stateKeys;
    const cutoff = new Date(at.getTime() - LAST_SEEN_RESOLUTION_MS).toISOString();
    // Most turns come from someone seen minutes ago whose keys are linked: a read tells so without
    // taking the write lock and committing an empty transaction.
    if (this.upToDateStatement(keys.length).get(cutoff, ...keys, personId) === 1) return;
    this.seenWithKeys.immediate(personId, channelId, keys, at);
  }

  private upToDateStatement(keyCount: number): Statement<unknown[], number> {
    let statement = this.upToDate.get(keyCount);
    if (!statement) {
      const linked = keyCount === 0 ? '1' : `(SELECT count(*) FROM person_state_keys k WHERE k.person_id = p.person_id AND k.state_key IN (${Array(keyCount).fill('?').join(', ')})) = ${keyCount}`;
      statement = this.db.prepare<unknown[], number>(`SELECT p.last_seen_at >= ? AND ${linked} FROM people p WHERE p.person_id = ?`).pluck();
      this.upToDate.set(keyCount, statement);
    }
    return statement;
  }

  async get(personId: string): Promise<PersonRecord | undefined> {
    const row = this.db.prepare<[string], PersonRow>('SELECT * FROM people WHERE person_id = ?').get(personId);
    return row && { personId: row.person_id, channelId: row.channel_id, createdAt: row.created_at, lastSeenAt: row.last_seen_at };
  }

  async delete(personId: string): Promise<void> {
    this.db.prepare('DELETE FROM people WHERE person_id = ?').run(personId);
  }

  async inactiveSince(before: Date, limit: number): Promise<string[]> {
    return this.db
      .prepare<[string, number], string>('SELECT person_id FROM people WHERE last_seen_at < ? ORDER BY last_seen_at LIMIT ?')
      .pluck()
      .all(before.toISOString(), limit);
  }

  async exportFor(personId: string): Promise<PersonRecord | null> {
    return (await this.get(personId)) ?? null;
  }

  async deleteFor(personId: string): Promise<void> {
    await this.delete(personId);
  }
}
