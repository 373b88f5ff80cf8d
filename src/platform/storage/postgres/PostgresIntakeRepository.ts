import type { Pool } from 'pg';
import type { IntakeAnswersRecord, IntakeRepository, StoredAssessment } from '../repositories';
import { type AnswersRow, type AssessmentRow, toAssessment, toRecord } from '../rows/intake';
import { withTransaction } from './database';

export class PostgresIntakeRepository implements IntakeRepository {
  readonly name = 'intake';

  constructor(private readonly pool: Pool) {}

  async getAnswers(personId: string): Promise<IntakeAnswersRecord | undefined> {
    const { rows } = await this.pool.query<AnswersRow>('SELECT * FROM intake_answers WHERE person_id = $1', [personId]);
    return rows[0] && toRecord(rows[0]);
  }

  async saveAnswers(personId: string, answers: Record<string, unknown>, at: Date, completed: boolean): Promise<void> {
    const iso = at.toISOString();
    await this.pool.query(
      `INSERT INTO intake_answers (person_id, answers, started_at, updated_at, completed_at) VALUES ($1, $2, $3, $3, $4)
       ON CONFLICT (person_id) DO UPDATE SET answers = excluded.answers, updated_at = excluded.updated_at, completed_at = excluded.completed_at`,
      [personId, JSON.stringify(answers), iso, completed ? iso : null],
    );
  }

  async clearAnswers(personId: string): Promise<void> {
    await this.pool.query('DELETE FROM intake_answers WHERE person_id = $1', [personId]);
  }

  async addAssessment(
    personId: string,
    entry: Pick<StoredAssessment, 'trigger' | 'profile' | 'assessment'>,
    at: Date,
  ): Promise<StoredAssessment> {
    const { rows } = await this.pool.query<AssessmentRow>(
      `INSERT INTO risk_assessments (person_id, rules_version, trigger, profile, result, assessed_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
      [
        personId,
        entry.assessment.version,
        entry.trigger,
        JSON.stringify(entry.profile),
        JSON.stringify(entry.assessment),
        at.toISOString(),
      ],
    );
    return toAssessment({ ...rows[0], id: Number(rows[0].id) });
  }

  async latestAssessment(personId: string): Promise<StoredAssessment | undefined> {
    const { rows } = await this.pool.query<AssessmentRow>(
      'SELECT * FROM risk_assessments WHERE person_id = $1 ORDER BY id DESC LIMIT 1',
      [personId],
    );
    return rows[0] && toAssessment({ ...rows[0], id: Number(rows[0].id) });
  }

  async exportFor(personId: string): Promise<{ intake?: IntakeAnswersRecord; assessments: StoredAssessment[] }> {
    const intake = await this.getAnswers(personId);
    const { rows } = await this.pool.query<AssessmentRow>(
      'SELECT * FROM risk_assessments WHERE person_id = $1 ORDER BY id',
      [personId],
    );
    return { ...(intake ? { intake } : {}), assessments: rows.map((r) => toAssessment({ ...r, id: Number(r.id) })) };
  }

  async deleteFor(personId: string): Promise<void> {
    await withTransaction(this.pool, async (client) => {
      await client.query('DELETE FROM intake_answers WHERE person_id = $1', [personId]);
      await client.query('DELETE FROM risk_assessments WHERE person_id = $1', [personId]);
    });
  }
}
