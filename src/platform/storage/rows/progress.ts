import type { ProgramPace, ProgramProgress } from '../repositories';

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
