import {
  type PendingErasureRepository,
  type RevocationRepository,
  SEEN_EVENT_TTL_MS,
  type SeenEventRepository,
} from '../repositories';
import { hashKey } from '../hashKey';
import type { SqliteDb } from './database';

/** Expired rows are swept at most this often, on a write; reads ignore them by their expiry. */
const SWEEP_EVERY_MS = 5 * 60_000;

export class SqliteRevocationRepository implements RevocationRepository {
  private lastSweep = 0;

  constructor(private readonly db: SqliteDb) {}

  async revoke(subjectHash: string, at: Date, until: Date): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO revoked_subjects (subject_hash, revoked_at, expires_at) VALUES (?, ?, ?)
         ON CONFLICT(subject_hash) DO UPDATE SET revoked_at = excluded.revoked_at, expires_at = MAX(expires_at, excluded.expires_at)`,
      )
      .run(subjectHash, at.toISOString(), until.toISOString());
    if (at.getTime() - this.lastSweep > SWEEP_EVERY_MS) {
      this.lastSweep = at.getTime();
      this.db.prepare('DELETE FROM revoked_subjects WHERE expires_at <= ?').run(at.toISOString());
    }
  }

  async isRevoked(subjectHash: string, at: Date): Promise<boolean> {
    return (
      this.db
        .prepare('SELECT 1 FROM revoked_subjects WHERE subject_hash = ? AND expires_at > ?')
        .pluck()
        .get(subjectHash, at.toISOString()) === 1
    );
  }
}

export class SqliteSeenEventRepository implements SeenEventRepository {
  private lastSweep = 0;

  constructor(private readonly db: SqliteDb) {}

  async markSeen(key: string, at: Date): Promise<boolean> {
    const now = at.toISOString();
    if (at.getTime() - this.lastSweep > SWEEP_EVERY_MS) {
      this.lastSweep = at.getTime();
      this.db.prepare('DELETE FROM seen_events WHERE expires_at <= ?').run(now);
    }
    // Inserts the key, or takes over an expired entry; a live entry is left alone (a repeat).
    const result = this.db
      .prepare(
        `INSERT INTO seen_events (event_hash, expires_at) VALUES (?, ?)
         ON CONFLICT(event_hash) DO UPDATE SET expires_at = excluded.expires_at WHERE seen_events.expires_at <= ?`,
      )
      .run(hashKey(key), new Date(at.getTime() + SEEN_EVENT_TTL_MS).toISOString(), now);
    return result.changes === 1;
  }
}

export class SqlitePendingErasureRepository implements PendingErasureRepository {
  constructor(private readonly db: SqliteDb) {}

  async add(personId: string, at: Date): Promise<void> {
    this.db
      .prepare('INSERT INTO pending_erasures (person_id, requested_at) VALUES (?, ?) ON CONFLICT(person_id) DO NOTHING')
      .run(personId, at.toISOString());
  }

  async list(): Promise<string[]> {
    return this.db
      .prepare('SELECT person_id FROM pending_erasures ORDER BY requested_at, person_id')
      .pluck()
      .all() as string[];
  }

  async remove(personId: string): Promise<void> {
    this.db.prepare('DELETE FROM pending_erasures WHERE person_id = ?').run(personId);
  }
}
