import type { Pool } from 'pg';
import type { ProgramProgress, ProgressRepository } from '../repositories';
import { fromRow, type ProgressRow, toRow } from '../rows/progress';

export class PostgresProgressRepository implements ProgressRepository {
  readonly name = 'programProgress';

  constructor(private readonly pool: Pool) {}

  async get(personId: string): Promise<ProgramProgress | undefined> {
    const { rows } = await this.pool.query<ProgressRow>('SELECT * FROM program_progress WHERE person_id = $1', [
      personId,
    ]);
    return rows[0] && fromRow(rows[0]);
  }

  async save(progress: ProgramProgress): Promise<void> {
    const r = toRow(progress);
    await this.pool.query(
      `INSERT INTO program_progress (person_id, week, step, unlocked_week, unlocked_at, pace, paused_at, completed, started_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (person_id) DO UPDATE SET week = excluded.week, step = excluded.step, unlocked_week = excluded.unlocked_week,
         unlocked_at = excluded.unlocked_at, pace = excluded.pace, paused_at = excluded.paused_at, completed = excluded.completed,
         updated_at = excluded.updated_at`,
      [
        r.person_id,
        r.week,
        r.step,
        r.unlocked_week,
        r.unlocked_at,
        r.pace,
        r.paused_at,
        r.completed,
        r.started_at,
        r.updated_at,
      ],
    );
  }

  async exportFor(personId: string): Promise<ProgramProgress[]> {
    const found = await this.get(personId);
    return found ? [found] : [];
  }

  async deleteFor(personId: string): Promise<void> {
    await this.pool.query('DELETE FROM program_progress WHERE person_id = $1', [personId]);
  }
}
