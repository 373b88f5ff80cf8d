import type { Clock } from '../../platform/clock';
import type { Config } from '../../platform/config';
import type { Logger } from '../../platform/logger';
import type { ScheduledJob } from '../../platform/scheduler/Scheduler';
import type { DataStore } from '../../platform/storage/repositories';
import type { ProgramWeekSource } from '../program/programWeek';
import { CheckInDispatcher, DEFAULT_DISPATCH_SETTINGS, type DispatchReport } from './CheckInDispatcher';
import { CheckInPlanner } from './CheckInPlanner';
import { CheckInService } from './CheckInService';
import { createCheckInJob } from './checkInJob';
import type { CheckInSender } from './sender';

export interface CheckInsDeps {
  store: DataStore;
  clock: Clock;
  weeks: ProgramWeekSource;
  settings: Config['checkIns'];
}

/**
 * Weekly check-ins: the service the dialogs use (enroll, pause, answers) and, once the senders exist
 * (they need the bot), the scheduler's job that sends what is due.
 */
export function createCheckIns({ store, clock, weeks, settings }: CheckInsDeps) {
  const planner = new CheckInPlanner(store.dueQueue, weeks, settings.followupHours);
  const service = new CheckInService({ store, planner, weeks, clock, quietHours: settings.quietHours });
  const job = (deps: {
    sender: CheckInSender;
    logger: Logger;
    onDispatch?: (report: DispatchReport) => void;
  }): ScheduledJob<DispatchReport> =>
    createCheckInJob({
      dispatcher: new CheckInDispatcher({
        store,
        sender: deps.sender,
        planner,
        logger: deps.logger,
        settings: {
          ...DEFAULT_DISPATCH_SETTINGS,
          concurrency: settings.concurrency,
          sendsPerSecond: settings.sendsPerSecond,
          leaseMs: settings.leaseMs,
          sendTimeoutMs: settings.sendTimeoutMs,
        },
      }),
      logger: deps.logger,
      everyMs: settings.intervalMs,
      onDispatch: deps.onDispatch,
    });
  return { service, planner, job };
}
