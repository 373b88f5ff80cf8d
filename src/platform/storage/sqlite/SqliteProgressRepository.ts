import type { ProgramProgress, ProgressRepository } from '../repositories';
import type { SqliteDb } from './database';
import { ProgressRow, fromRow, toRow } from '../rows/progress';

export class SqliteProgressRepository implements ProgressRepository {
  readonly name = 'programProgress';

  private readonly selectOne;
  private readonly upsert;
  private readonly deleteOne;

  constructor(db: SqliteDb) {
    this.selectOne = db.prepare<[string], ProgressRow>('SELECT * FROM program_progress WHERE person_id = ?');
    this.upsert = db.prepare(
      `INSERT INTO program_progress (person_id, week, step, unlocked_week, unlocked_at, pace, paused_at, completed, started_at, updated_at)
       VALUES (@person_id, @week, @step, @unlocked_week, @unlocked_at, @pace, @paused_at, @completed, @started_at, @updated_at)
       ON CONFLICT(person_id) DO UPDATE SET week = excluded.week, step = excluded.step, unlocked_week = excluded.unlocked_week,
         unlocked_at = excluded.unlocked_at, pace = excluded.pace, paused_at = excluded.paused_at, completed = excluded.completed,
         updated_at = excluded.updated_at`,
    );
    this.deleteOne = db.prepare('DELETE FROM program_progress WHERE person_id = ?');
  }

  async get(personId: string): Promise<ProgramProgress | undefined> {
    const row = this.selectOne.get(personId);
    return row && fromRow(row);
  }

  async save(progress: ProgramProgress): Promise<void> {
    this.upsert.run(toRow(progress));
  }

  async exportFor(personId: string): Promise<ProgramProgress[]> {
    const found = await this.get(personId);
    return found ? [found] : [];
  }

  async deleteFor(personId: string): Promise<void> {
    this.deleteOne.run(personId);
  }
}
