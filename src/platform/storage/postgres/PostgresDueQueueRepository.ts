import type { Pool, PoolClient } from 'pg';
import type {
  ClaimResult,
  DueCheckIn,
  DueQueueRepository,
  DueUpdate,
  NewDueCheckIn,
  SendAttempt,
} from '../repositories';
import { type DueRow, toDue } from '../rows/dueQueue';
import { withTransaction } from './database';
import { DueQueueUpdates } from '../dueQueueUpdates';

type Queryable = Pick<Pool | PoolClient, 'query'>;

const INSERT_DUE = `INSERT INTO checkin_due (person_id, kind, program_week, idempotency_key, slot_at, due_at, state, created_at)
  VALUES ($1, $2, $3, $4, $5, $6, 'pending', $7)
  ON CONFLICT (idempotency_key) DO UPDATE SET slot_at = excluded.slot_at, due_at = excluded.due_at, state = 'pending',
    lease_until = NULL, lease_expiries = 0, unrecorded_sends = 0, attempts = 0, outcome = NULL, finished_at = NULL
  WHERE checkin_due.state = 'cancelled'`;

/**
 * The due-queue on PostgreSQL. Several instances may claim at the same moment: each claim locks the rows it
 * takes with FOR UPDATE SKIP LOCKED, so a row is leased by exactly one instance and the others move on.
 * Times are fixed-width ISO-8601 UTC text (COLLATE "C"), so text comparison orders them.
 */
export class PostgresDueQueueRepository extends DueQueueUpdates implements DueQueueRepository {
  readonly name = 'checkin_due';

  constructor(private readonly pool: Pool) {
    super();
  }

  private async insertRow(db: Queryable, row: NewDueCheckIn, at: string): Promise<boolean> {
    const result = await db.query(INSERT_DUE, [
      row.personId,
      row.kind,
      row.programWeek,
      row.idempotencyKey,
      row.slotAt.toISOString(),
      row.dueAt.toISOString(),
      at,
    ]);
    return result.rowCount === 1;
  }

  private async recordAttempt(db: Queryable, dueId: number, at: string, attempt: SendAttempt): Promise<void> {
    await db.query(
      'INSERT INTO checkin_attempts (due_id, person_id, attempted_at, outcome, status_code) SELECT id, person_id, $1, $2, $3 FROM checkin_due WHERE id = $4',
      [at, attempt.outcome, attempt.statusCode ?? null, dueId],
    );
  }

  async enqueue(row: NewDueCheckIn, at: Date): Promise<boolean> {
    return this.insertRow(this.pool, row, at.toISOString());
  }

  async hasKey(idempotencyKey: string): Promise<boolean> {
    const { rows } = await this.pool.query(
      `SELECT 1 FROM checkin_due WHERE idempotency_key = $1 AND state <> 'cancelled'`,
      [idempotencyKey],
    );
    return rows.length > 0;
  }

  async claim(now: Date, limit: number, leaseMs: number): Promise<ClaimResult> {
    const nowIso = now.toISOString();
    const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
    return withTransaction(this.pool, async (client) => {
      const abandoned = await client.query<DueRow>(
        `UPDATE checkin_due SET state = 'abandoned', outcome = 'lease_expired_twice', finished_at = $1, lease_until = NULL
         WHERE id IN (
           SELECT id FROM checkin_due WHERE state = 'leased' AND lease_until <= $1 AND unrecorded_sends >= 2
           FOR UPDATE SKIP LOCKED)
         RETURNING *`,
        [nowIso],
      );
      const claimed = await client.query<DueRow>(
        `UPDATE checkin_due
         SET lease_expiries = lease_expiries + (CASE WHEN state = 'leased' THEN 1 ELSE 0 END),
             state = 'leased', lease_until = $2, attempts = attempts + 1
         WHERE id IN (
           SELECT id FROM checkin_due
           WHERE (state = 'pending' AND due_at <= $1) OR (state = 'leased' AND lease_until <= $1)
           ORDER BY due_at, id
           FOR UPDATE SKIP LOCKED
           LIMIT $3)
         RETURNING *`,
        [nowIso, leaseUntil, limit],
      );
      const due = claimed.rows.map(toDue);
      due.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.id - b.id);
      return { claimed: due, abandoned: abandoned.rows.map(toDue) };
    });
  }

  async beginSend(id: number): Promise<void> {
    await this.pool.query(
      `UPDATE checkin_due SET unrecorded_sends = unrecorded_sends + 1 WHERE id = $1 AND state = 'leased'`,
      [id],
    );
  }

  async apply(updates: DueUpdate[], at: Date): Promise<void> {
    if (updates.length === 0) return;
    const atIso = at.toISOString();
    await withTransaction(this.pool, async (client) => {
      for (const update of updates) {
        if (update.type === 'reschedule') {
          await client.query(
            `UPDATE checkin_due SET state = 'pending', due_at = $1, outcome = $2, lease_until = NULL, unrecorded_sends = 0 WHERE id = $3`,
            [update.dueAt.toISOString(), update.outcome, update.id],
          );
          if (update.attempt) await this.recordAttempt(client, update.id, atIso, update.attempt);
          continue;
        }
        const row = await client.query(
          `UPDATE checkin_due SET state = $1, outcome = $2, finished_at = $3, lease_until = NULL, unrecorded_sends = 0 WHERE id = $4`,
          [update.state, update.outcome, atIso, update.id],
        );
        if (row.rowCount === 0) continue;
        if (update.attempt) await this.recordAttempt(client, update.id, atIso, update.attempt);
        for (const next of update.next ?? []) await this.insertRow(client, next, atIso);
      }
    });
  }

  async cancelPending(personId: string, outcome: string, at: Date): Promise<number> {
    const result = await this.pool.query(
      `UPDATE checkin_due SET state = 'cancelled', outcome = $1, finished_at = $2 WHERE person_id = $3 AND state = 'pending'`,
      [outcome, at.toISOString(), personId],
    );
    return result.rowCount ?? 0;
  }

  async pendingFor(personId: string): Promise<DueCheckIn[]> {
    const { rows } = await this.pool.query<DueRow>(
      `SELECT * FROM checkin_due WHERE person_id = $1 AND state IN ('pending', 'leased') ORDER BY due_at, id`,
      [personId],
    );
    return rows.map(toDue);
  }

  async lastPromptWeek(personId: string): Promise<number | undefined> {
    const { rows } = await this.pool.query<{ week: number | null }>(
      `SELECT MAX(program_week) AS week FROM checkin_due WHERE person_id = $1 AND kind = 'prompt' AND state <> 'cancelled'`,
      [personId],
    );
    return rows[0]?.week ?? undefined;
  }

  async lastSentPrompt(personId: string): Promise<DueCheckIn | undefined> {
    const { rows } = await this.pool.query<DueRow>(
      `SELECT * FROM checkin_due WHERE person_id = $1 AND kind = 'prompt' AND state = 'sent' ORDER BY slot_at DESC, id DESC LIMIT 1`,
      [personId],
    );
    return rows[0] && toDue(rows[0]);
  }

  async attemptsFor(personId: string): Promise<Array<SendAttempt & { dueId: number; attemptedAt: string }>> {
    const { rows } = await this.pool.query<{
      due_id: number;
      attempted_at: string;
      outcome: string;
      status_code: number | null;
    }>('SELECT due_id, attempted_at, outcome, status_code FROM checkin_attempts WHERE person_id = $1 ORDER BY id', [
      personId,
    ]);
    return rows.map((r) => ({
      dueId: r.due_id,
      attemptedAt: r.attempted_at,
      outcome: r.outcome,
      statusCode: r.status_code ?? undefined,
    }));
  }

  async exportFor(personId: string): Promise<unknown> {
    const { rows } = await this.pool.query<DueRow>('SELECT * FROM checkin_due WHERE person_id = $1 ORDER BY id', [
      personId,
    ]);
    return { due: rows.map(toDue), attempts: await this.attemptsFor(personId) };
  }

  async deleteFor(personId: string): Promise<void> {
    await withTransaction(this.pool, async (client) => {
      await client.query('DELETE FROM checkin_attempts WHERE person_id = $1', [personId]);
      await client.query('DELETE FROM checkin_due WHERE person_id = $1', [personId]);
    });
  }
}
