import type { EnrollmentRepository } from '../../platform/storage/repositories';
import { wallTimeAt } from '../../platform/util/zonedTime';

/**
 * Which program week a person is on at an instant. The check-in idempotency key is person + week, so a
 * source must give each weekly check-in slot a higher week than the one before. Issue 6's program service
 * can replace the default.
 */
export interface ProgramWeekSource {
  weekAt(personId: string, at: Date): Promise<number>;
}

const DAY_MS = 86_400_000;

/** Default: week 1 is the first seven local calendar days from enrollment, week 2 the next seven, and so on. */
export class WeeksSinceEnrollment implements ProgramWeekSource {
  constructor(private readonly enrollments: EnrollmentRepository) {}

  async weekAt(personId: string, at: Date): Promise<number> {
    const enrollment = await this.enrollments.get(personId);
    if (!enrollment) return 1;
    const zone = enrollment.timeZone;
    const start = wallTimeAt(new Date(enrollment.enrolledAt), zone);
    const now = wallTimeAt(at, zone);
    const days = Math.round(
      (Date.UTC(now.year, now.month - 1, now.day) - Date.UTC(start.year, start.month - 1, start.day)) / DAY_MS,
    );
    return Math.max(1, Math.floor(days / 7) + 1);
  }
}

/**
 * The check-in's program week: the person's week in the 12-week program, or weeks since enrollment
 * for someone who has not started it.
 */
export function programOrEnrollmentWeeks(
  program: { currentWeek(personId: string): Promise<number | undefined> },
  enrollments: EnrollmentRepository,
): ProgramWeekSource {
  const enrollmentWeeks = new WeeksSinceEnrollment(enrollments);
  return {
    weekAt: async (personId, at) => (await program.currentWeek(personId)) ?? enrollmentWeeks.weekAt(personId, at),
  };
}
