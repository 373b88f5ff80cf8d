import type { Pool } from 'pg';
import {
  type PendingErasureRepository,
  type RevocationRepository,
  SEEN_EVENT_TTL_MS,
  type SeenEventRepository,
} from '../repositories';
import { hashKey } from '../hashKey';

/** Expired rows are swept at most this often per instance, on a write; reads ignore them by their expiry. */
const SWEEP_EVERY_MS = 5 * 60_000;

export class PostgresRevocationRepository implements RevocationRepository {
  private lastSweep = 0;

  constructor(private readonly pool: Pool) {}

  async revoke(subjectHash: string, at: Date, until: Date): Promise<void> {
    await this.pool.query(
      `INSERT INTO revoked_subjects (subject_hash, revoked_at, expires_at) VALUES ($1, $2, $3)
       ON CONFLICT (subject_hash) DO UPDATE SET revoked_at = excluded.revoked_at, expires_at = GREATEST(revoked_subjects.expires_at, excluded.expires_at)`,
      [subjectHash, at, until],
    );
    if (at.getTime() - this.lastSweep > SWEEP_EVERY_MS) {
      this.lastSweep = at.getTime();
      await this.pool.query('DELETE FROM revoked_subjects WHERE expires_at <= $1', [at]);
    }
  }

  async isRevoked(subjectHash: string, at: Date): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      'SELECT 1 FROM revoked_subjects WHERE subject_hash = $1 AND expires_at > $2',
      [subjectHash, at],
    );
    return (rowCount ?? 0) > 0;
  }
}

export class PostgresSeenEventRepository implements SeenEventRepository {
  private lastSweep = 0;

  constructor(private readonly pool: Pool) {}

  async markSeen(key: string, at: Date): Promise<boolean> {
    if (at.getTime() - this.lastSweep > SWEEP_EVERY_MS) {
      this.lastSweep = at.getTime();
      await this.pool.query('DELETE FROM seen_events WHERE expires_at <= $1', [at]);
    }
    // One statement, so two instances given the same event at once cannot both handle it.
    const { rowCount } = await this.pool.query(
      `INSERT INTO seen_events (event_hash, expires_at) VALUES ($1, $2)
       ON CONFLICT (event_hash) DO UPDATE SET expires_at = excluded.expires_at WHERE seen_events.expires_at <= $3`,
      [hashKey(key), new Date(at.getTime() + SEEN_EVENT_TTL_MS), at],
    );
    return rowCount === 1;
  }
}

export class PostgresPendingErasureRepository implements PendingErasureRepository {
  constructor(private readonly pool: Pool) {}

  async add(personId: string, at: Date): Promise<void> {
    await this.pool.query(
      'INSERT INTO pending_erasures (person_id, requested_at) VALUES ($1, $2) ON CONFLICT (person_id) DO NOTHING',
      [personId, at],
    );
  }

  async list(): Promise<string[]> {
    const { rows } = await this.pool.query<{ person_id: string }>(
      'SELECT person_id FROM pending_erasures ORDER BY requested_at, person_id',
    );
    return rows.map((row) => row.person_id);
  }

  async remove(personId: string): Promise<void> {
    await this.pool.query('DELETE FROM pending_erasures WHERE person_id = $1', [personId]);
  }
}
