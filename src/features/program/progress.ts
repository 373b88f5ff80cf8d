import type { ProgramPace, ProgramProgress } from '../../platform/storage/repositories';

/**
 * The program's rules as pure functions over a person's progress, so they can be tested with any clock.
 * By default a new week opens seven days after the one before opened, one at a time (a person who is
 * away for a month comes back to one new week, not four). At their own pace, a week opens as soon as
 * the one before is finished. Skipping ahead opens the next week at once.
 */
export const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export function startProgress(personId: string, now: Date): ProgramProgress {
  const at = now.toISOString();
  return {
    personId,
    week: 1,
    step: 0,
    unlockedWeek: 1,
    unlockedAt: at,
    pace: 'weekly',
    completed: [],
    startedAt: at,
    updatedAt: at,
  };
}

function isDone(progress: ProgramProgress, week: number): boolean {
  return progress.completed.some((c) => c.week === week);
}

/** The highest week the person may open now. */
export function openWeek(progress: ProgramProgress, weekCount: number, now: Date): number {
  const highest = progress.unlockedWeek;
  if (highest >= weekCount) return weekCount;
  if (progress.pace === 'own' && isDone(progress, highest)) return highest + 1;
  if (now.getTime() >= Date.parse(progress.unlockedAt) + WEEK_MS) return highest + 1;
  return highest;
}

/** When the week after the highest open one opens by the weekly rhythm (undefined at the last week). */
export function nextOpensAt(progress: ProgramProgress, weekCount: number): Date | undefined {
  if (progress.unlockedWeek >= weekCount) return undefined;
  return new Date(Date.parse(progress.unlockedAt) + WEEK_MS);
}

/** Whole days until a time, at least 1 (so "opens in 0 days" never shows). */
export function daysUntil(at: Date, now: Date): number {
  return Math.max(1, Math.ceil((at.getTime() - now.getTime()) / DAY_MS));
}

function touched(progress: ProgramProgress, now: Date, change: Partial<ProgramProgress>): ProgramProgress {
  return { ...progress, ...change, updatedAt: now.toISOString() };
}

/** One step on; passing the last piece finishes the week. */
export function advance(progress: ProgramProgress, pieceCount: number, now: Date): ProgramProgress {
  const step = Math.min(progress.step + 1, pieceCount);
  const finished = step === pieceCount && !isDone(progress, progress.week);
  const completed = finished
    ? [...progress.completed, { week: progress.week, at: now.toISOString() }]
    : progress.completed;
  return touched(progress, now, { step, completed });
}

export function stepBack(progress: ProgramProgress, now: Date): ProgramProgress {
  return touched(progress, now, { step: Math.max(0, progress.step - 1) });
}

export type MoveResult = { ok: true; progress: ProgramProgress } | { ok: false; reason: 'outOfRange' | 'notOpen' };

/** Moves to the start of a week that is open (earlier weeks always are). */
export function moveToWeek(progress: ProgramProgress, week: number, weekCount: number, now: Date): MoveResult {
  if (!Number.isInteger(week) || week < 1 || week > weekCount) return { ok: false, reason: 'outOfRange' };
  if (week > openWeek(progress, weekCount, now)) return { ok: false, reason: 'notOpen' };
  const opensNew = week > progress.unlockedWeek;
  return {
    ok: true,
    progress: touched(progress, now, {
      week,
      step: 0,
      ...(opensNew ? { unlockedWeek: week, unlockedAt: now.toISOString() } : {}),
    }),
  };
}

/** Opens and moves to the week after the current one now, whatever the rhythm says. */
export function skipAhead(progress: ProgramProgress, weekCount: number, now: Date): MoveResult {
  const week = progress.week + 1;
  if (week > weekCount) return { ok: false, reason: 'outOfRange' };
  const opensNew = week > progress.unlockedWeek;
  return {
    ok: true,
    progress: touched(progress, now, {
      week,
      step: 0,
      ...(opensNew ? { unlockedWeek: week, unlockedAt: now.toISOString() } : {}),
    }),
  };
}

export function pause(progress: ProgramProgress, now: Date): ProgramProgress {
  return touched(progress, now, { pausedAt: now.toISOString() });
}

export function resume(progress: ProgramProgress, now: Date): ProgramProgress {
  const { pausedAt: _paused, ...rest } = progress;
  return touched(rest, now, {});
}

export function setPace(progress: ProgramProgress, pace: ProgramPace, now: Date): ProgramProgress {
  return touched(progress, now, { pace });
}
