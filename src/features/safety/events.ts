import type { Clock } from '../../platform/clock';
import type { SafetyEventKind, SafetyEventRepository } from '../../platform/storage/repositories';

/** The safety net's record of its responses: kind and time only, never the words. */
export interface SafetyEventLog {
  record(personId: string, kind: SafetyEventKind): Promise<void>;
}

export function createSafetyEventLog(deps: { safetyEvents: SafetyEventRepository; clock: Clock }): SafetyEventLog {
  return { record: (personId, kind) => deps.safetyEvents.record(personId, kind, deps.clock.now()) };
}
