import type { StateKeyRepository } from '../repositories';
import type { SqliteDb } from './database';

/**
 * Bot Framework state (dialog stacks, per-person state) lives in bot_state under keys the framework
 * builds; this repository links those keys to a person so their state can be exported and deleted.
 */
export class SqliteStateKeyRepository implements StateKeyRepository {
  readonly name = 'botState';

  constructor(private readonly db: SqliteDb) {}

  private keysOf(personId: string): string[] {
    return this.db
      .prepare<[string], string>(
        'SELECT state_key FROM person_state_keys WHERE person_id = ? ORDER BY first_seen_at, state_key',
      )
      .pluck()
      .all(personId);
  }

  async exportFor(personId: string): Promise<Array<{ key: string; state: unknown }>> {
    const read = this.db.prepare<[string], string>('SELECT document FROM bot_state WHERE key = ?').pluck();
    return this.keysOf(personId).flatMap((key) => {
      const document = read.get(key);
      return document === undefined ? [] : [{ key, state: JSON.parse(document) as unknown }];
    });
  }

  async deleteFor(personId: string): Promise<void> {
    this.db
      .transaction(() => {
        const removeState = this.db.prepare('DELETE FROM bot_state WHERE key = ?');
        for (const key of this.keysOf(personId)) removeState.run(key);
        this.db.prepare('DELETE FROM person_state_keys WHERE person_id = ?').run(personId);
      })
      .immediate();
  }
}
