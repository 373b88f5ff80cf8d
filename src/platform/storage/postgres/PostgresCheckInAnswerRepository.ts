import type { Pool } from 'pg';
import type { CheckInAnswerRepository, CheckInAnswers, CheckInRecord } from '../repositories';
import { type AnswerRow, answerValues, toRecord } from '../rows/checkInAnswers';

export class PostgresCheckInAnswerRepository implements CheckInAnswerRepository {
  readonly name = 'checkin_answers';

  constructor(private readonly pool: Pool) {}

  async save(
    personId: string,
    programWeek: number,
    answers: CheckInAnswers,
    review: { handoff: boolean; reasons: string[] },
    at: Date,
  ): Promise<CheckInRecord> {
    const { rows } = await this.pool.query<AnswerRow>(
      `INSERT INTO checkin_answers (person_id, program_week, answered_at, days_used, grams_per_day, form, cravings,
         symptoms, sleep, mood, confidence, confidence_step, support, handoff, reasons, units_per_day, unit)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING *`,
      answerValues(personId, programWeek, answers, review, at),
    );
    return toRecord(rows[0]);
  }

  async listFor(personId: string): Promise<CheckInRecord[]> {
    const { rows } = await this.pool.query<AnswerRow>(
      'SELECT * FROM checkin_answers WHERE person_id = $1 ORDER BY answered_at, id',
      [personId],
    );
    return rows.map(toRecord);
  }

  async latestFor(personId: string): Promise<CheckInRecord | undefined> {
    const { rows } = await this.pool.query<AnswerRow>(
      'SELECT * FROM checkin_answers WHERE person_id = $1 ORDER BY answered_at DESC, id DESC LIMIT 1',
      [personId],
    );
    return rows[0] && toRecord(rows[0]);
  }

  async countSince(personId: string, since: Date): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>(
      'SELECT COUNT(*)::int AS n FROM checkin_answers WHERE person_id = $1 AND answered_at >= $2',
      [personId, since.toISOString()],
    );
    return rows[0].n;
  }

  async exportFor(personId: string): Promise<unknown> {
    return this.listFor(personId);
  }

  async deleteFor(personId: string): Promise<void> {
    await this.pool.query('DELETE FROM checkin_answers WHERE person_id = $1', [personId]);
  }
}
