import type { Pool } from 'pg';
import { LAST_SEEN_RESOLUTION_MS, type PersonRecord, type PersonRepository } from '../repositories';

export class PostgresPersonRepository implements PersonRepository {
  readonly name = 'people';

  constructor(private readonly pool: Pool) {}

  /** One statement, so one round trip: the person's upsert runs as a data-modifying CTE beside the key links. */
  async seen(personId: string, channelId: string, stateKeys: string[], at: Date): Promise<void> {
    await this.pool.query(
      `WITH person AS (
         INSERT INTO people (person_id, channel_id, created_at, last_seen_at) VALUES ($1, $2, $3, $3)
         ON CONFLICT (person_id) DO UPDATE SET last_seen_at = excluded.last_seen_at WHERE people.last_seen_at < $4
       )
       INSERT INTO person_state_keys (person_id, state_key, first_seen_at)
       SELECT $1, key, $5 FROM unnest($6::text[]) AS key ON CONFLICT DO NOTHING`,
      [personId, channelId, at, new Date(at.getTime() - LAST_SEEN_RESOLUTION_MS), at.toISOString(), stateKeys],
    );
  }

  async get(personId: string): Promise<PersonRecord | undefined> {
    const { rows } = await this.pool.query<{
      person_id: string;
      channel_id: string;
      created_at: Date;
      last_seen_at: Date;
    }>('SELECT * FROM people WHERE person_id = $1', [personId]);
    const row = rows[0];
    return (
      row && {
        personId: row.person_id,
        channelId: row.channel_id,
        createdAt: row.created_at.toISOString(),
        lastSeenAt: row.last_seen_at.toISOString(),
      }
    );
  }

  async delete(personId: string): Promise<void> {
    await this.pool.query('DELETE FROM people WHERE person_id = $1', [personId]);
  }

  async inactiveSince(before: Date, limit: number): Promise<string[]> {
    const { rows } = await this.pool.query<{ person_id: string }>(
      'SELECT person_id FROM people WHERE last_seen_at < $1 ORDER BY last_seen_at LIMIT $2',
      [before, limit],
    );
    return rows.map((r) => r.person_id);
  }

  async exportFor(personId: string): Promise<PersonRecord | null> {
    return (await this.get(personId)) ?? null;
  }

  async deleteFor(personId: string): Promise<void> {
    await this.delete(personId);
  }
}
