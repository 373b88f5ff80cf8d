import type { Pool } from 'pg';
import type {
  ConsentRecord,
  ConsentRepository,
  ConsentStatus,
  SafetyEvent,
  SafetyEventKind,
  SafetyEventRepository,
  StateKeyRepository,
} from '../repositories';
import { withTransaction } from './database';
import { type ConsentRow, toConsent } from '../rows/consents';
import { exportedSafetyEvent } from '../rows/safetyEvents';

export class PostgresConsentRepository implements ConsentRepository {
  readonly name = 'consent';

  constructor(private readonly pool: Pool) {}

  async get(personId: string): Promise<ConsentRecord | undefined> {
    const { rows } = await this.pool.query<ConsentRow>('SELECT * FROM consents WHERE person_id = $1', [personId]);
    return rows[0] && toConsent(rows[0]);
  }

  async set(personId: string, status: ConsentStatus, policyVersion: string, at: Date): Promise<void> {
    await this.pool.query(
      `INSERT INTO consents (person_id, status, policy_version, decided_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (person_id) DO UPDATE SET status = excluded.status, policy_version = excluded.policy_version, decided_at = excluded.decided_at`,
      [personId, status, policyVersion, at.toISOString()],
    );
  }

  async exportFor(personId: string): Promise<Omit<ConsentRecord, 'personId'> | null> {
    const record = await this.get(personId);
    return record ? { status: record.status, policyVersion: record.policyVersion, decidedAt: record.decidedAt } : null;
  }

  async deleteFor(personId: string): Promise<void> {
    await this.pool.query('DELETE FROM consents WHERE person_id = $1', [personId]);
  }
}

export class PostgresSafetyEventRepository implements SafetyEventRepository {
  readonly name = 'safetyEvents';

  constructor(private readonly pool: Pool) {}

  async record(personId: string, kind: SafetyEventKind, at: Date): Promise<void> {
    await this.pool.query('INSERT INTO safety_events (person_id, kind, occurred_at) VALUES ($1, $2, $3)', [
      personId,
      kind,
      at.toISOString(),
    ]);
  }

  async listFor(personId: string): Promise<SafetyEvent[]> {
    const { rows } = await this.pool.query<{
      id: string;
      person_id: string;
      kind: SafetyEventKind;
      occurred_at: string;
      followed_up_at: string | null;
    }>('SELECT * FROM safety_events WHERE person_id = $1 ORDER BY occurred_at, id', [personId]);
    return rows.map((row) => ({
      id: Number(row.id),
      personId: row.person_id,
      kind: row.kind,
      occurredAt: row.occurred_at,
      ...(row.followed_up_at ? { followedUpAt: row.followed_up_at } : {}),
    }));
  }

  async markFollowedUp(eventId: number, at: Date): Promise<void> {
    await this.pool.query('UPDATE safety_events SET followed_up_at = $2 WHERE id = $1', [eventId, at.toISOString()]);
  }

  async exportFor(personId: string): Promise<Array<Omit<SafetyEvent, 'id' | 'personId'>>> {
    return (await this.listFor(personId)).map(exportedSafetyEvent);
  }

  async deleteFor(personId: string): Promise<void> {
    await this.pool.query('DELETE FROM safety_events WHERE person_id = $1', [personId]);
  }
}

export class PostgresStateKeyRepository implements StateKeyRepository {
  readonly name = 'botState';

  constructor(private readonly pool: Pool) {}

  async exportFor(personId: string): Promise<Array<{ key: string; state: unknown }>> {
    const { rows } = await this.pool.query<{ state_key: string; document: string }>(
      `SELECT k.state_key, s.document FROM person_state_keys k JOIN bot_state s ON s.key = k.state_key
       WHERE k.person_id = $1 ORDER BY k.first_seen_at, k.state_key`,
      [personId],
    );
    return rows.map((row) => ({ key: row.state_key, state: JSON.parse(row.document) as unknown }));
  }

  async deleteFor(personId: string): Promise<void> {
    await withTransaction(this.pool, async (client) => {
      await client.query(
        'DELETE FROM bot_state WHERE key IN (SELECT state_key FROM person_state_keys WHERE person_id = $1)',
        [personId],
      );
      await client.query('DELETE FROM person_state_keys WHERE person_id = $1', [personId]);
    });
  }
}
