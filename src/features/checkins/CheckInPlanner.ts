import type { DueCheckIn, DueQueueRepository, Enrollment, NewDueCheckIn } from '../../platform/storage/repositories';
import type { ProgramWeekSource } from '../program/programWeek';
import { nextWeeklyOccurrence, outsideQuietHours } from '../../platform/util/zonedTime';
import { type LocalTime, parseClock, type QuietHours } from '../../platform/util/localTime';

const HOUR_MS = 3_600_000;
/** How many weeks ahead to look for a week number not used yet (a schedule change can repeat a week). */
const MAX_WEEKS_AHEAD = 60;

export function promptKey(personId: string, programWeek: number): string {
  return `checkin:${personId}:week-${programWeek}`;
}

export function followupKey(personId: string, programWeek: number): string {
  return `${promptKey(personId, programWeek)}:followup`;
}

export function quietHoursOf(enrollment: Enrollment): QuietHours {
  return { start: parseClock(enrollment.quietStart)!, end: parseClock(enrollment.quietEnd)! };
}

export function localTimeOf(enrollment: Enrollment): LocalTime {
  return parseClock(enrollment.localTime)!;
}

/** Works out what goes in the due-queue: the next weekly prompt and the one gentle follow-up. */
export class CheckInPlanner {
  constructor(
    private readonly queue: DueQueueRepository,
    private readonly weeks: ProgramWeekSource,
    private readonly followupHours: number,
  ) {}

  /** The first weekly slot after `after` whose program week has no prompt yet. */
  async nextPrompt(enrollment: Enrollment, after: Date): Promise<NewDueCheckIn> {
    const lastWeek = (await this.queue.lastPromptWeek(enrollment.personId)) ?? 0;
    let slot = after;
    for (let i = 0; i < MAX_WEEKS_AHEAD; i++) {
      slot = nextWeeklyOccurrence(slot, enrollment.weekday, localTimeOf(enrollment), enrollment.timeZone);
      const programWeek = await this.weeks.weekAt(enrollment.personId, slot);
      const idempotencyKey = promptKey(enrollment.personId, programWeek);
      if (programWeek > lastWeek && !(await this.queue.hasKey(idempotencyKey))) {
        const dueAt = outsideQuietHours(slot, enrollment.timeZone, quietHoursOf(enrollment));
        return { personId: enrollment.personId, kind: 'prompt', programWeek, idempotencyKey, slotAt: slot, dueAt };
      }
    }
    throw new Error('no free program week for the next check-in');
  }

  /** One follow-up some hours after the prompt, outside quiet hours, unless it would run into next week's. */
  followup(enrollment: Enrollment, prompt: DueCheckIn, sentAt: Date, nextPromptAt: Date): NewDueCheckIn | undefined {
    const dueAt = outsideQuietHours(
      new Date(sentAt.getTime() + this.followupHours * HOUR_MS),
      enrollment.timeZone,
      quietHoursOf(enrollment),
    );
    if (dueAt.getTime() >= nextPromptAt.getTime()) return undefined;
    return {
      personId: prompt.personId,
      kind: 'followup',
      programWeek: prompt.programWeek,
      idempotencyKey: followupKey(prompt.personId, prompt.programWeek),
      slotAt: prompt.slotAt,
      dueAt,
    };
  }
}
