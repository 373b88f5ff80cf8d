import type { IntakeAnswersRecord, IntakeRepository, StoredAssessment } from '../repositories';
import type { SqliteDb } from './database';
import { prepared } from './prepared';
import { commitTurnWrite, type GroupCommit } from './GroupCommit';
import { AnswersRow, AssessmentRow, toRecord, toAssessment } from '../rows/intake';

export class SqliteIntakeRepository implements IntakeRepository {
  readonly name = 'intake';

  constructor(
    private readonly db: SqliteDb,
    /** Answers and results are saved by turns, so they join the turns' group commit. */
    private readonly group?: GroupCommit,
  ) {}

  async getAnswers(personId: string): Promise<IntakeAnswersRecord | undefined> {
    const row = prepared<[string], AnswersRow>(this.db, 'SELECT * FROM intake_answers WHERE person_id = ?').get(
      personId,
    );
    return row && toRecord(row);
  }

  async saveAnswers(personId: string, answers: Record<string, unknown>, at: Date, completed: boolean): Promise<void> {
    const iso = at.toISOString();
    const save = () =>
      prepared<[string, string, string, string, string | null]>(
        this.db,
        `INSERT INTO intake_answers (person_id, answers, started_at, updated_at, completed_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(person_id) DO UPDATE SET answers = excluded.answers, updated_at = excluded.updated_at, completed_at = excluded.completed_at`,
      ).run(personId, JSON.stringify(answers), iso, iso, completed ? iso : null);
    await commitTurnWrite(this.group, save);
  }

  async clearAnswers(personId: string): Promise<void> {
    this.db.prepare('DELETE FROM intake_answers WHERE person_id = ?').run(personId);
  }

  async addAssessment(
    personId: string,
    entry: Pick<StoredAssessment, 'trigger' | 'profile' | 'assessment'>,
    at: Date,
  ): Promise<StoredAssessment> {
    const row = {
      person_id: personId,
      rules_version: entry.assessment.version,
      trigger: entry.trigger,
      profile: JSON.stringify(entry.profile),
      result: JSON.stringify(entry.assessment),
      assessed_at: at.toISOString(),
    };
    const info = await commitTurnWrite(this.group, () =>
      prepared(
        this.db,
        `INSERT INTO risk_assessments (person_id, rules_version, trigger, profile, result, assessed_at)
         VALUES (@person_id, @rules_version, @trigger, @profile, @result, @assessed_at)`,
      ).run(row),
    );
    return toAssessment({ id: Number(info.lastInsertRowid), ...row });
  }

  async latestAssessment(personId: string): Promise<StoredAssessment | undefined> {
    const row = prepared<[string], AssessmentRow>(
      this.db,
      'SELECT * FROM risk_assessments WHERE person_id = ? ORDER BY id DESC LIMIT 1',
    ).get(personId);
    return row && toAssessment(row);
  }

  async exportFor(personId: string): Promise<{ intake?: IntakeAnswersRecord; assessments: StoredAssessment[] }> {
    const intake = await this.getAnswers(personId);
    const assessments = this.db
      .prepare<[string], AssessmentRow>('SELECT * FROM risk_assessments WHERE person_id = ? ORDER BY id')
      .all(personId)
      .map(toAssessment);
    return { ...(intake ? { intake } : {}), assessments };
  }

  async deleteFor(personId: string): Promise<void> {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM intake_answers WHERE person_id = ?').run(personId);
      this.db.prepare('DELETE FROM risk_assessments WHERE person_id = ?').run(personId);
    })();
  }
}
