import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import { ETagConflictError, newETag } from '../etag';
import { documentJson, storedItem } from '../storedDocuments';
import type { SqliteDb } from './database';
import type { GroupCommit } from './GroupCommit';

/**
 * botbuilder Storage on SQLite with MemoryStorage's eTag rules: a write succeeds when the key is new or
 * the item's eTag is '*' or absent; otherwise it must match the stored eTag. Unlike MemoryStorage a
 * batch is all-or-nothing, so a conflict never leaves half a turn saved.
 */
export class SqliteStateStorage implements Storage {
  private readonly selectOne;
  private readonly selectTwo;
  private readonly upsert;
  private readonly deleteOne;
  private readonly writeAll;

  /** With a group, writes share group commits (the app's store); without one, each write commits at once. */
  constructor(
    private readonly db: SqliteDb,
    private readonly group?: GroupCommit,
  ) {
    this.selectOne = db.prepare<[string], { etag: string; document: string }>(
      'SELECT etag, document FROM bot_state WHERE key = ?',
    );
    // A turn reads its conversation and user state together.
    this.selectTwo = db.prepare<[string, string], { key: string; etag: string; document: string }>(
      'SELECT key, etag, document FROM bot_state WHERE key IN (?, ?)',
    );
    this.upsert = db.prepare<[string, string, string, string]>(
      `INSERT INTO bot_state (key, etag, document, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET etag = excluded.etag, document = excluded.document, updated_at = excluded.updated_at`,
    );
    this.deleteOne = db.prepare('DELETE FROM bot_state WHERE key = ?');
    // Built once: better-sqlite3 makes a new wrapper (and its BEGIN statements) on every transaction() call.
    this.writeAll = db.transaction((changes: StoreItems, updatedAt: string) => {
      for (const [key, item] of Object.entries(changes) as [string, StoreItem | undefined][]) {
        const incomingETag: unknown = item?.eTag;
        if (incomingETag !== undefined && incomingETag !== '*' && incomingETag !== '') {
          const existing = this.selectOne.get(key);
          if (existing && existing.etag !== incomingETag) throw new ETagConflictError(key);
        }
        this.upsert.run(key, newETag(), documentJson(item), updatedAt);
      }
    });
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!Array.isArray(keys)) throw new TypeError('Keys are required when reading.');
    const items: StoreItems = {};
    if (keys.length === 2 && keys[0] !== keys[1]) {
      for (const row of this.selectTwo.all(keys[0], keys[1])) items[row.key] = storedItem(row.document, row.etag);
      return items;
    }
    for (const key of keys) {
      const row = this.selectOne.get(key);
      if (row) items[key] = storedItem(row.document, row.etag);
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes || typeof changes !== 'object') throw new TypeError('Changes are required when writing.');
    const updatedAt = new Date().toISOString();
    if (this.group) return this.group.run(() => this.writeAll(changes, updatedAt));
    this.writeAll.immediate(changes, updatedAt);
  }

  async delete(keys: string[]): Promise<void> {
    if (!Array.isArray(keys)) throw new TypeError('Keys are required when deleting.');
    this.db.transaction(() => keys.forEach((key) => this.deleteOne.run(key))).immediate();
  }
}
