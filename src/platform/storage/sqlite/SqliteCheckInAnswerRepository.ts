import type { CheckInAnswerRepository, CheckInAnswers, CheckInRecord } from '../repositories';
import type { SqliteDb } from './database';
import { AnswerRow, toRecord, answerValues } from '../rows/checkInAnswers';

export class SqliteCheckInAnswerRepository implements CheckInAnswerRepository {
  readonly name = 'checkin_answers';

  private readonly countAfter;

  constructor(private readonly db: SqliteDb) {
    this.countAfter = db
      .prepare<[string, string], number>(
        'SELECT COUNT(*) FROM checkin_answers WHERE person_id = ? AND answered_at >= ?',
      )
      .pluck();
  }

  async save(
    personId: string,
    programWeek: number,
    answers: CheckInAnswers,
    review: { handoff: boolean; reasons: string[] },
    at: Date,
  ): Promise<CheckInRecord> {
    const row = this.db
      .prepare<unknown[], AnswerRow>(
        `INSERT INTO checkin_answers (person_id, program_week, answered_at, days_used, grams_per_day, form, cravings,
           symptoms, sleep, mood, confidence, confidence_step, support, handoff, reasons, units_per_day, unit)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
      )
      .get(...answerValues(personId, programWeek, answers, review, at))!;
    return toRecord(row);
  }

  async listFor(personId: string): Promise<CheckInRecord[]> {
    return this.db
      .prepare<[string], AnswerRow>('SELECT * FROM checkin_answers WHERE person_id = ? ORDER BY answered_at, id')
      .all(personId)
      .map(toRecord);
  }

  async latestFor(personId: string): Promise<CheckInRecord | undefined> {
    const row = this.db
      .prepare<[string], AnswerRow>(
        'SELECT * FROM checkin_answers WHERE person_id = ? ORDER BY answered_at DESC, id DESC LIMIT 1',
      )
      .get(personId);
    return row && toRecord(row);
  }

  async countSince(personId: string, since: Date): Promise<number> {
    return this.countAfter.get(personId, since.toISOString())!;
  }

  async exportFor(personId: string): Promise<unknown> {
    return this.listFor(personId);
  }

  async deleteFor(personId: string): Promise<void> {
    this.db.prepare('DELETE FROM checkin_answers WHERE person_id = ?').run(personId);
  }
}
