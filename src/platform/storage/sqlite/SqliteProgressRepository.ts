import type { ProgramPace, ProgramProgress, ProgressRepository } from '../repositories';
import type { SqliteDb } from './database';

export interface ProgressRow {
  person_id: string;
  week: number;
  step: number;
  unlocked_week: number;
  unlocked_at: string;
  pace: ProgramPace;
  paused_at: string | null;
  completed: string;
  started_at: string;
  updated_at: string;
}

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

export function fromRow(row: ProgressRow): ProgramProgress {
  return {
    personId: row.person_id,
    week: row.week,
    step: row.step,
    unlockedWeek: row.unlocked_week,
    unlockedAt: row.unlocked_at,
    pace: row.pace,
    ...(row.paused_at ? { pausedAt: row.paused_at } : {}),
    completed: JSON.parse(row.completed) as ProgramProgress['completed'],
    startedAt: row.started_at,
    updatedAt: row.updated_at,
  };
}

export function toRow(progress: ProgramProgress): ProgressRow {
  return {
    person_id: progress.personId,
    week: progress.week,
    step: progress.step,
    unlocked_week: progress.unlockedWeek,
    unlocked_at: progress.unlockedAt,
    pace: progress.pace,
    paused_at: progress.pausedAt ?? null,
    completed: JSON.stringify(progress.completed),
    started_at: progress.startedAt,
    updated_at: progress.updatedAt,
  };
}
