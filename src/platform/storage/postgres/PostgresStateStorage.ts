import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import type { Pool } from 'pg';
import { ETagConflictError } from '../etag';
import { withTransaction } from './database';
import { newETag } from '../etag';
import { documentJson, storedItem } from '../storedDocuments';

/**
 * botbuilder Storage on PostgreSQL with the same rules as SqliteStateStorage: a conditional write
 * is one UPDATE ... WHERE etag = $expected, so two instances racing on one key cannot both win.
 */
export class PostgresStateStorage implements Storage {
  constructor(private readonly pool: Pool) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (!Array.isArray(keys)) throw new TypeError('Keys are required when reading.');
    if (keys.length === 0) return {};
    const { rows } = await this.pool.query<{ key: string; etag: string; document: string }>(
      'SELECT key, etag, document FROM bot_state WHERE key = ANY($1::text[])',
      [keys],
    );
    const items: StoreItems = {};
    for (const row of rows) items[row.key] = storedItem(row.document, row.etag);
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes || typeof changes !== 'object') throw new TypeError('Changes are required when writing.');
    const entries = Object.entries(changes) as [string, StoreItem | undefined][];
    if (entries.length === 0) return;
    await withTransaction(this.pool, async (client) => {
      for (const [key, item] of entries) {
        const expected: unknown = item?.eTag;
        const json = documentJson(item);
        if (expected !== undefined && expected !== '*' && expected !== '') {
          const updated = await client.query(
            'UPDATE bot_state SET etag = $2, document = $3, updated_at = now() WHERE key = $1 AND etag = $4',
            [key, newETag(), json, expected],
          );
          if (updated.rowCount === 1) continue;
          const inserted = await client.query(
            'INSERT INTO bot_state (key, etag, document, updated_at) VALUES ($1, $2, $3, now()) ON CONFLICT (key) DO NOTHING',
            [key, newETag(), json],
          );
          if (inserted.rowCount === 1) continue;
          throw new ETagConflictError(key);
        }
        await client.query(
          `INSERT INTO bot_state (key, etag, document, updated_at) VALUES ($1, $2, $3, now())
           ON CONFLICT (key) DO UPDATE SET etag = excluded.etag, document = excluded.document, updated_at = excluded.updated_at`,
          [key, newETag(), json],
        );
      }
    });
  }

  async delete(keys: string[]): Promise<void> {
    if (!Array.isArray(keys)) throw new TypeError('Keys are required when deleting.');
    if (keys.length > 0) await this.pool.query('DELETE FROM bot_state WHERE key = ANY($1::text[])', [keys]);
  }
}
