import type {
  ClaimResult,
  DueCheckIn,
  DueQueueRepository,
  DueUpdate,
  NewDueCheckIn,
  SendAttempt,
} from '../repositories';
import type { SqliteDb } from './database';
import { DueQueueUpdates } from '../dueQueueUpdates';
import { DueRow, toDue } from '../rows/dueQueue';

/** Times are ISO-8601 UTC strings of one fixed width, so text comparison orders them correctly. */
export class SqliteDueQueueRepository extends DueQueueUpdates implements DueQueueRepository {
  readonly name = 'checkin_due';
  private readonly insert;
  private readonly insertAttempt;
  private readonly selectKey;
  private readonly cancelRows;
  private readonly selectPending;
  private readonly selectLastWeek;
  private readonly abandonExpired;
  private readonly claimDue;
  private readonly markSending;
  private readonly finishRow;
  private readonly rescheduleRow;
  private readonly claimTx;
  private readonly applyTx;

  constructor(private readonly db: SqliteDb) {
    super();
    this.insert = db.prepare(
      `INSERT INTO checkin_due (person_id, kind, program_week, idempotency_key, slot_at, due_at, state, created_at)
       VALUES (@personId, @kind, @programWeek, @idempotencyKey, @slotAt, @dueAt, 'pending', @createdAt)
       ON CONFLICT(idempotency_key) DO UPDATE SET slot_at = excluded.slot_at, due_at = excluded.due_at, state = 'pending',
         lease_until = NULL, lease_expiries = 0, unrecorded_sends = 0, attempts = 0, outcome = NULL, finished_at = NULL
       WHERE checkin_due.state = 'cancelled'`,
    );
    this.insertAttempt = db.prepare(
      'INSERT INTO checkin_attempts (due_id, person_id, attempted_at, outcome, status_code) SELECT id, person_id, ?, ?, ? FROM checkin_due WHERE id = ?',
    );
    this.selectKey = db
      .prepare<[string], number>(`SELECT 1 FROM checkin_due WHERE idempotency_key = ? AND state <> 'cancelled'`)
      .pluck();
    this.cancelRows = db.prepare(
      `UPDATE checkin_due SET state = 'cancelled', outcome = ?, finished_at = ? WHERE person_id = ? AND state = 'pending'`,
    );
    this.selectPending = db.prepare<[string], DueRow>(
      `SELECT * FROM checkin_due WHERE person_id = ? AND state IN ('pending', 'leased') ORDER BY due_at, id`,
    );
    this.selectLastWeek = db
      .prepare<[string], number | null>(
        `SELECT MAX(program_week) FROM checkin_due WHERE person_id = ? AND kind = 'prompt' AND state <> 'cancelled'`,
      )
      .pluck();
    this.abandonExpired = db.prepare<{ now: string }, DueRow>(
      `UPDATE checkin_due SET state = 'abandoned', outcome = 'lease_expired_twice', finished_at = @now, lease_until = NULL
       WHERE state = 'leased' AND lease_until <= @now AND unrecorded_sends >= 2 RETURNING *`,
    );
    this.claimDue = db.prepare<{ now: string; leaseUntil: string; limit: number }, DueRow>(
      `UPDATE checkin_due
       SET lease_expiries = lease_expiries + (CASE WHEN state = 'leased' THEN 1 ELSE 0 END),
           state = 'leased', lease_until = @leaseUntil, attempts = attempts + 1
       WHERE id IN (
         SELECT id FROM checkin_due
         WHERE (state = 'pending' AND due_at <= @now) OR (state = 'leased' AND lease_until <= @now)
         ORDER BY due_at, id LIMIT @limit)
       RETURNING *`,
    );
    this.markSending = db.prepare(
      `UPDATE checkin_due SET unrecorded_sends = unrecorded_sends + 1 WHERE id = ? AND state = 'leased'`,
    );
    this.finishRow = db.prepare(
      `UPDATE checkin_due SET state = @state, outcome = @outcome, finished_at = @at, lease_until = NULL, unrecorded_sends = 0 WHERE id = @id`,
    );
    this.rescheduleRow = db.prepare(
      `UPDATE checkin_due SET state = 'pending', due_at = @dueAt, outcome = @outcome, lease_until = NULL, unrecorded_sends = 0 WHERE id = @id`,
    );
    this.claimTx = db.transaction((now: string, leaseUntil: string, limit: number): ClaimResult => {
      const abandoned = this.abandonExpired.all({ now }).map(toDue);
      const claimed = this.claimDue.all({ now, leaseUntil, limit }).map(toDue);
      claimed.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.id - b.id);
      return { claimed, abandoned };
    });
    this.applyTx = db.transaction((updates: DueUpdate[], at: string) => {
      for (const update of updates) {
        if (update.type === 'reschedule') {
          this.rescheduleRow.run({ id: update.id, dueAt: update.dueAt.toISOString(), outcome: update.outcome });
          if (update.attempt) this.recordAttempt(update.id, at, update.attempt);
          continue;
        }
        const row = this.finishRow.run({ id: update.id, state: update.state, outcome: update.outcome, at });
        if (row.changes === 0) continue;
        if (update.attempt) this.recordAttempt(update.id, at, update.attempt);
        for (const next of update.next ?? []) this.insertRow(next, at);
      }
    });
  }

  private insertRow(row: NewDueCheckIn, at: string): boolean {
    const result = this.insert.run({
      personId: row.personId,
      kind: row.kind,
      programWeek: row.programWeek,
      idempotencyKey: row.idempotencyKey,
      slotAt: row.slotAt.toISOString(),
      dueAt: row.dueAt.toISOString(),
      createdAt: at,
    });
    return result.changes === 1;
  }

  private recordAttempt(dueId: number, at: string, attempt: SendAttempt): void {
    this.insertAttempt.run(at, attempt.outcome, attempt.statusCode ?? null, dueId);
  }

  async enqueue(row: NewDueCheckIn, at: Date): Promise<boolean> {
    return this.insertRow(row, at.toISOString());
  }

  async hasKey(idempotencyKey: string): Promise<boolean> {
    return this.selectKey.get(idempotencyKey) === 1;
  }

  async claim(now: Date, limit: number, leaseMs: number): Promise<ClaimResult> {
    return this.claimTx.immediate(now.toISOString(), new Date(now.getTime() + leaseMs).toISOString(), limit);
  }

  async beginSend(id: number): Promise<void> {
    this.markSending.run(id);
  }

  async apply(updates: DueUpdate[], at: Date): Promise<void> {
    if (updates.length > 0) this.applyTx.immediate(updates, at.toISOString());
  }

  async cancelPending(personId: string, outcome: string, at: Date): Promise<number> {
    return this.cancelRows.run(outcome, at.toISOString(), personId).changes;
  }

  async pendingFor(personId: string): Promise<DueCheckIn[]> {
    return this.selectPending.all(personId).map(toDue);
  }

  async lastPromptWeek(personId: string): Promise<number | undefined> {
    return this.selectLastWeek.get(personId) ?? undefined;
  }

  async lastSentPrompt(personId: string): Promise<DueCheckIn | undefined> {
    const row = this.db
      .prepare<[string], DueRow>(
        `SELECT * FROM checkin_due WHERE person_id = ? AND kind = 'prompt' AND state = 'sent' ORDER BY slot_at DESC, id DESC LIMIT 1`,
      )
      .get(personId);
    return row && toDue(row);
  }

  async attemptsFor(personId: string): Promise<Array<SendAttempt & { dueId: number; attemptedAt: string }>> {
    return this.db
      .prepare<[string], { due_id: number; attempted_at: string; outcome: string; status_code: number | null }>(
        'SELECT due_id, attempted_at, outcome, status_code FROM checkin_attempts WHERE person_id = ? ORDER BY id',
      )
      .all(personId)
      .map((r) => ({
        dueId: r.due_id,
        attemptedAt: r.attempted_at,
        outcome: r.outcome,
        statusCode: r.status_code ?? undefined,
      }));
  }

  async exportFor(personId: string): Promise<unknown> {
    const due = this.db
      .prepare<[string], DueRow>('SELECT * FROM checkin_due WHERE person_id = ? ORDER BY id')
      .all(personId)
      .map(toDue);
    return { due, attempts: await this.attemptsFor(personId) };
  }

  async deleteFor(personId: string): Promise<void> {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM checkin_attempts WHERE person_id = ?').run(personId);
      this.db.prepare('DELETE FROM checkin_due WHERE person_id = ?').run(personId);
    })();
  }
}
