import type { Clock } from '../../platform/clock';
import type {
  CheckInAnswers,
  CheckInRecord,
  DataStore,
  Enrollment,
  EnrollmentInput,
} from '../../platform/storage/repositories';
import type { CheckInPlanner } from './CheckInPlanner';
import type { ProgramWeekSource } from '../program/programWeek';
import { formatClock } from '../../platform/util/zonedTime';
import { type QuietHours } from '../../platform/util/localTime';

export type ScheduleChoice = Pick<EnrollmentInput, 'personId' | 'channelId' | 'weekday' | 'timeZone'> & {
  hour: number;
  minute: number;
};

export type PauseResult = 'paused' | 'alreadyPaused' | 'stopped' | 'notEnrolled';
export type ResumeResult =
  { status: 'resumed' | 'alreadyActive'; nextAt: Date } | { status: 'stopped' | 'notEnrolled' };
export type StopResult = 'stopped' | 'alreadyStopped' | 'notEnrolled';

/** What dialogs and commands do with a person's check-ins: enroll, pause, resume, stop, save and read answers. */
export class CheckInService {
  constructor(
    private readonly deps: {
      store: Pick<DataStore, 'enrollments' | 'dueQueue' | 'checkIns'>;
      planner: CheckInPlanner;
      weeks: ProgramWeekSource;
      clock: Clock;
      quietHours: QuietHours;
    },
  ) {}

  get quietHours(): QuietHours {
    return this.deps.quietHours;
  }

  /** Saves the schedule (active), replaces whatever was queued, and queues the first prompt. */
  async enroll(choice: ScheduleChoice): Promise<{ enrollment: Enrollment; firstAt: Date }> {
    const { store, planner, clock, quietHours } = this.deps;
    const now = clock.now();
    const enrollment = await store.enrollments.upsert(
      {
        personId: choice.personId,
        channelId: choice.channelId,
        weekday: choice.weekday,
        localTime: formatClock(choice),
        timeZone: choice.timeZone,
        quietStart: formatClock(quietHours.start),
        quietEnd: formatClock(quietHours.end),
      },
      now,
    );
    await store.dueQueue.cancelPending(choice.personId, 'rescheduled', now);
    const first = await planner.nextPrompt(enrollment, now);
    await store.dueQueue.enqueue(first, now);
    return { enrollment, firstAt: first.dueAt };
  }

  get(personId: string): Promise<Enrollment | undefined> {
    return this.deps.store.enrollments.get(personId);
  }

  /** The person's saved check-ins, oldest first. */
  history(personId: string): Promise<CheckInRecord[]> {
    return this.deps.store.checkIns.listFor(personId);
  }

  /** The person's last saved check-in, if any. */
  latest(personId: string): Promise<CheckInRecord | undefined> {
    return this.deps.store.checkIns.latestFor(personId);
  }

  /** Saves one week's answers with their review, stamped now. */
  save(
    personId: string,
    programWeek: number,
    answers: CheckInAnswers,
    review: { handoff: boolean; reasons: string[] },
  ): Promise<CheckInRecord> {
    return this.deps.store.checkIns.save(personId, programWeek, answers, review, this.deps.clock.now());
  }

  /** Paused check-ins count as enrolled: the person chose to pause them. */
  async isEnrolled(personId: string): Promise<boolean> {
    return ((await this.get(personId))?.status ?? 'stopped') !== 'stopped';
  }

  async pause(personId: string): Promise<PauseResult> {
    const { store, clock } = this.deps;
    const enrollment = await store.enrollments.get(personId);
    if (!enrollment) return 'notEnrolled';
    if (enrollment.status === 'stopped') return 'stopped';
    if (enrollment.status === 'paused') return 'alreadyPaused';
    await store.enrollments.setStatus(personId, 'paused', 'person', clock.now());
    await store.dueQueue.cancelPending(personId, 'paused', clock.now());
    return 'paused';
  }

  async resume(personId: string): Promise<ResumeResult> {
    const { store, planner, clock } = this.deps;
    const now = clock.now();
    const enrollment = await store.enrollments.get(personId);
    if (!enrollment) return { status: 'notEnrolled' };
    if (enrollment.status === 'stopped') return { status: 'stopped' };
    if (enrollment.status === 'active') {
      const pending = (await store.dueQueue.pendingFor(personId)).find((row) => row.kind === 'prompt');
      if (pending) return { status: 'alreadyActive', nextAt: pending.dueAt };
    }
    await store.enrollments.setStatus(personId, 'active', undefined, now);
    const next = await planner.nextPrompt({ ...enrollment, status: 'active' }, now);
    await store.dueQueue.enqueue(next, now);
    return { status: 'resumed', nextAt: next.dueAt };
  }

  async stop(personId: string): Promise<StopResult> {
    const { store, clock } = this.deps;
    const enrollment = await store.enrollments.get(personId);
    if (!enrollment) return 'notEnrolled';
    if (enrollment.status === 'stopped') return 'alreadyStopped';
    await store.enrollments.setStatus(personId, 'stopped', 'person', clock.now());
    await store.dueQueue.cancelPending(personId, 'stopped', clock.now());
    return 'stopped';
  }

  /** The program week for a check-in done now (the prompt's week when one is open). */
  programWeek(personId: string, at: Date = this.deps.clock.now()): Promise<number> {
    return this.deps.weeks.weekAt(personId, at);
  }
}
