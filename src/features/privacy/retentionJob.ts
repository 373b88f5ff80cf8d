import type { Logger } from '../../platform/logger';
import type { ScheduledJob } from '../../platform/scheduler/Scheduler';
import type { DataStore } from '../../platform/storage/repositories';
import { purgeInactive, retentionCutoff } from './personalData';

export const RETENTION_JOB = 'retentionPurge';

/**
 * The retention purge as one job of the app's scheduler: removes everyone inactive for longer than
 * retentionDays. Runs once right after the scheduler starts, then every `everyMs` (0 = only by
 * `npm run purge` or `npm run checkins` from cron). The file keeps its old name until the layout move.
 */
export function createRetentionJob(deps: {
  store: DataStore;
  logger: Logger;
  retentionDays: number;
  everyMs: number;
}): ScheduledJob<number> {
  const { store, logger, retentionDays } = deps;
  return {
    name: RETENTION_JOB,
    everyMs: deps.everyMs,
    runAtStart: true,
    async run(now) {
      try {
        const purged = await purgeInactive(store, retentionCutoff(now, retentionDays));
        if (purged > 0) logger.info({ purged, retentionDays }, 'retention purge removed inactive people');
        return purged;
      } catch (error) {
        logger.error({ error: error instanceof Error ? error.name : typeof error }, 'retention purge failed');
        throw error;
      }
    },
  };
}
