import type { Clock } from '../../platform/clock';
import type { Content } from '../../platform/content/Content';
import type { DataStore } from '../../platform/storage/repositories';
import { programIntentPattern } from './commands';
import { type ProgramWeekSource, programOrEnrollmentWeeks } from './programWeek';
import { ProgramService } from './ProgramService';

export interface ProgramDeps {
  content: Content;
  store: Pick<DataStore, 'programProgress' | 'enrollments'>;
  clock: Clock;
  /** Which program week a person is in; by default their program's week, else weeks since enrollment. */
  weeks?: ProgramWeekSource;
}

/** The 12-week program: its service, the week each person is in, and the words that start a week. */
export function createProgram({ content, store, clock, weeks }: ProgramDeps) {
  const service = new ProgramService({ content, progress: store.programProgress, clock });
  return {
    service,
    weeks: weeks ?? programOrEnrollmentWeeks(service, store.enrollments),
    intentPattern: programIntentPattern(content),
  };
}
