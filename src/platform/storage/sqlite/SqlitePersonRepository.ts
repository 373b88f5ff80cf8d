import { LAST_SEEN_RESOLUTION_MS, type PersonRecord, type PersonRepository } from '../repositories';
import type { SqliteDb } from './database';
import { commitTurnWrite, type GroupCommit } from './GroupCommit';

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

  constructor(
    private readonly db: SqliteDb,
    /** A visit is recorded by a turn, so it joins the turns' group commit. */
    private readonly group?: GroupCommit,
  ) {
    this.upsertSeen = db.prepare(
      `INSERT INTO people (person_id, channel_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(person_id) DO UPDATE SET last_seen_at = excluded.last_seen_at WHERE people.last_seen_at < ?`,
    );
    const linkKey = db.prepare(
      'INSERT OR IGNORE INTO person_state_keys (person_id, state_key, first_seen_at) VALUES (?, ?, ?)',
    );
    // Runs on every turn: statements and the transaction wrapper are built once.
    this.seenWithKeys = db.transaction((personId: string, channelId: string, stateKeys: string[], at: Date) => {
      const iso = at.toISOString();
      this.upsertSeen.run(
        personId,
        channelId,
        iso,
        iso,
        new Date(at.getTime() - LAST_SEEN_RESOLUTION_MS).toISOString(),
      );
      for (const key of stateKeys) linkKey.run(personId, key, iso);
    });
  }

  async seen(personId: string, channelId: string, stateKeys: string[], at: Date): Promise<void> {
    await commitTurnWrite(this.group, () => this.seenWithKeys.immediate(personId, channelId, stateKeys, at));
  }

  async get(personId: string): Promise<PersonRecord | undefined> {
    const row = this.db.prepare<[string], PersonRow>('SELECT * FROM people WHERE person_id = ?').get(personId);
    return (
      row && {
        personId: row.person_id,
        channelId: row.channel_id,
        createdAt: row.created_at,
        lastSeenAt: row.last_seen_at,
      }
    );
  }

  async delete(personId: string): Promise<void> {
    this.db.prepare('DELETE FROM people WHERE person_id = ?').run(personId);
  }

  async inactiveSince(before: Date, limit: number): Promise<string[]> {
    return this.db
      .prepare<[string, number], string>(
        'SELECT person_id FROM people WHERE last_seen_at < ? ORDER BY last_seen_at LIMIT ?',
      )
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
