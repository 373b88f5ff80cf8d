import type { Logger } from '../../platform/logger';
import type { CheckInDispatcher, DispatchReport } from './CheckInDispatcher';
import type { ScheduledJob } from '../../platform/scheduler/Scheduler';

export const CHECK_INS_JOB = 'checkIns';

/**
 * The weekly check-ins as one job of the app's scheduler (src/platform/scheduler/Scheduler.ts): each run sends
 * what is due at that instant. `everyMs` 0 leaves it to `npm run checkins` (cron).
 */
export function createCheckInJob(deps: {
  dispatcher: CheckInDispatcher;
  logger: Logger;
  everyMs: number;
  /** Told each run's outcomes (the metrics count them). */
  onDispatch?: (report: DispatchReport) => void;
}): ScheduledJob<DispatchReport> {
  return {
    name: CHECK_INS_JOB,
    everyMs: deps.everyMs,
    async run(now, stopping) {
      const report = await deps.dispatcher.runDue(now, stopping);
      deps.onDispatch?.(report);
      if (report.claimed > 0 || report.abandoned > 0) deps.logger.info({ ...report }, 'check-ins dispatched');
      return report;
    },
  };
}
