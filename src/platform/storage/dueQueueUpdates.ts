import type { DueUpdate, NewDueCheckIn, SendAttempt } from './repositories';

/** finish() and reschedule() as single-update apply() calls; both databases' due-queues extend this. */
export abstract class DueQueueUpdates {
  abstract apply(updates: DueUpdate[], at: Date): Promise<void>;

  async finish(
    id: number,
    state: 'sent' | 'failed' | 'cancelled' | 'abandoned',
    outcome: string,
    at: Date,
    attempt?: SendAttempt,
    next: NewDueCheckIn[] = [],
  ): Promise<void> {
    return this.apply([{ type: 'finish', id, state, outcome, attempt, next }], at);
  }

  async reschedule(id: number, dueAt: Date, outcome: string, at: Date, attempt?: SendAttempt): Promise<void> {
    return this.apply([{ type: 'reschedule', id, dueAt, outcome, attempt }], at);
  }
}
