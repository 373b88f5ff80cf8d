import type { Clock } from '../../platform/clock';
import type { CheckInItem, Content, ProgramWeek } from '../../platform/content/Content';
import type { ProgramPace, ProgramProgress, ProgressRepository } from '../../platform/storage/repositories';
import * as rules from './progress';
import { type SessionPiece, sessionPieces } from './session';

/** Where a person is, in the terms a dialog (or a check-in) needs. */
export interface ProgramStatus {
  week: number;
  title: string;
  /** Position in the week's session, 0-based; equals `steps` once the week is finished. */
  step: number;
  steps: number;
  /** The piece to show now; undefined when the week is finished. */
  piece?: SessionPiece;
  paused: boolean;
  pace: ProgramPace;
  weekCount: number;
  /** The highest week the person may open now. */
  openWeek: number;
  completedWeeks: number[];
  /** The week after this one: whether it is open, or in how many days it opens by the weekly rhythm. */
  next?: { week: number; open: boolean; opensInDays?: number };
}

/** A move's result; a week that is not open says in how many days it opens, when the weekly rhythm knows. */
export type MoveOutcome =
  | { ok: true; status: ProgramStatus }
  | { ok: false; reason: 'notStarted' | 'outOfRange' | 'notOpen'; opensInDays?: number };

/**
 * The 12-week program for one person at a time: progress is read and written through the
 * ProgressRepository on every call, so it survives restarts and follows the person across conversations.
 * Check-ins (another feature) call currentWeek and checkInItems.
 */
export class ProgramService {
  readonly weekCount: number;

  constructor(private readonly deps: { content: Content; progress: ProgressRepository; clock: Clock }) {
    this.weekCount = deps.content.weeks().length;
    if (this.weekCount === 0) throw new Error('The program has no weeks in content/');
  }

  /** The week the person is in, or undefined when they have not started. */
  async currentWeek(personId: string): Promise<number | undefined> {
    return (await this.deps.progress.get(personId))?.week;
  }

  /** That week's check-in items for the person, or undefined when they have not started the program. */
  async checkInItems(personId: string): Promise<{ week: number; items: CheckInItem[] } | undefined> {
    const week = await this.currentWeek(personId);
    return week === undefined ? undefined : { week, items: this.itemsForWeek(week) };
  }

  itemsForWeek(week: number): CheckInItem[] {
    return this.deps.content.week(week).checkIn;
  }

  async status(personId: string): Promise<ProgramStatus | undefined> {
    const progress = await this.deps.progress.get(personId);
    return progress && this.describe(progress);
  }

  async start(personId: string): Promise<ProgramStatus> {
    const existing = await this.deps.progress.get(personId);
    return this.describe(existing ?? (await this.save(rules.startProgress(personId, this.now()))));
  }

  /** Next piece; at the end of a finished week, on to the next week when it is open. */
  async next(personId: string): Promise<MoveOutcome> {
    return this.change(
      personId,
      (p) => {
        const pieces = this.piecesOf(p.week).length;
        if (p.step < pieces) return { ok: true, progress: rules.advance(p, pieces, this.now()) };
        return rules.moveToWeek(p, p.week + 1, this.weekCount, this.now());
      },
      ((await this.currentWeek(personId)) ?? 0) + 1,
    );
  }

  async back(personId: string): Promise<MoveOutcome> {
    return this.change(personId, (p) => ({ ok: true, progress: rules.stepBack(p, this.now()) }));
  }

  async goToWeek(personId: string, week: number): Promise<MoveOutcome> {
    return this.change(personId, (p) => rules.moveToWeek(p, week, this.weekCount, this.now()), week);
  }

  async skipAhead(personId: string): Promise<MoveOutcome> {
    return this.change(personId, (p) => rules.skipAhead(p, this.weekCount, this.now()));
  }

  async pause(personId: string): Promise<MoveOutcome> {
    return this.change(personId, (p) => ({ ok: true, progress: rules.pause(p, this.now()) }));
  }

  async resume(personId: string): Promise<MoveOutcome> {
    return this.change(personId, (p) => ({ ok: true, progress: rules.resume(p, this.now()) }));
  }

  async setPace(personId: string, pace: ProgramPace): Promise<MoveOutcome> {
    return this.change(personId, (p) => ({ ok: true, progress: rules.setPace(p, pace, this.now()) }));
  }

  private async change(
    personId: string,
    apply: (progress: ProgramProgress) => rules.MoveResult,
    week?: number,
  ): Promise<MoveOutcome> {
    const progress = await this.deps.progress.get(personId);
    if (!progress) return { ok: false, reason: 'notStarted' };
    const result = apply(progress);
    if (!result.ok) {
      const opensInDays =
        result.reason === 'notOpen' && week !== undefined ? this.opensInDays(progress, week) : undefined;
      return { ok: false, reason: result.reason, ...(opensInDays !== undefined ? { opensInDays } : {}) };
    }
    return { ok: true, status: this.describe(await this.save(result.progress)) };
  }

  /** Days until a closed week opens by the weekly rhythm; known only for the week right after the highest one opened. */
  private opensInDays(progress: ProgramProgress, week: number): number | undefined {
    if (progress.pace !== 'weekly' || week !== progress.unlockedWeek + 1) return undefined;
    const opensAt = rules.nextOpensAt(progress, this.weekCount);
    return opensAt && rules.daysUntil(opensAt, this.now());
  }

  private async save(progress: ProgramProgress): Promise<ProgramProgress> {
    await this.deps.progress.save(progress);
    return progress;
  }

  private describe(progress: ProgramProgress): ProgramStatus {
    const now = this.now();
    const week: ProgramWeek = this.deps.content.week(progress.week);
    const pieces = sessionPieces(week);
    const openWeek = rules.openWeek(progress, this.weekCount, now);
    const nextWeek = progress.week + 1;
    let next: ProgramStatus['next'];
    if (nextWeek <= this.weekCount) {
      const open = nextWeek <= openWeek;
      const opensInDays = open ? undefined : this.opensInDays(progress, nextWeek);
      next = { week: nextWeek, open, ...(opensInDays !== undefined ? { opensInDays } : {}) };
    }
    return {
      week: progress.week,
      title: week.title,
      step: progress.step,
      steps: pieces.length,
      ...(progress.step < pieces.length ? { piece: pieces[progress.step] } : {}),
      paused: progress.pausedAt !== undefined,
      pace: progress.pace,
      weekCount: this.weekCount,
      openWeek,
      completedWeeks: progress.completed.map((c) => c.week).sort((a, b) => a - b),
      ...(next ? { next } : {}),
    };
  }

  private piecesOf(week: number): SessionPiece[] {
    return sessionPieces(this.deps.content.week(week));
  }

  private now(): Date {
    return this.deps.clock.now();
  }
}
