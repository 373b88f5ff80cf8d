import type { Clock } from '../clock';
import type { Logger } from '../logger';
import type { DataStore } from '../storage/repositories';
import { purgeInactive, retentionCutoff } from './personalData';

/**
 * Runs the retention purge in-process on an interval (and once shortly after start). The weekly
 * check-in scheduler can call `runOnce` instead and drop this timer; `npm run purge` does the same
 * from a cron job.
 */
export class RetentionTimer {
  private timer: NodeJS.Timeout | undefined;
  private firstRun: NodeJS.Immediate | undefined;
  private running: Promise<number> | undefined;

  constructor(private readonly deps: { store: DataStore; clock: Clock; logger: Logger; retentionDays: number }) {}

  start(intervalMs: number): void {
    if (intervalMs <= 0 || this.timer) return;
    const tick = () => void this.runOnce().catch(() => undefined);
    this.timer = setInterval(tick, intervalMs);
    this.timer.unref();
    this.firstRun = setImmediate(tick).unref();
  }

  async runOnce(): Promise<number> {
    if (this.running) return this.running;
    const { store, clock, logger, retentionDays } = this.deps;
    this.running = purgeInactive(store, retentionCutoff(clock.now(), retentionDays))
      .then((purged) => {
        if (purged > 0) logger.info({ purged, retentionDays }, 'retention purge removed inactive people');
        return purged;
      })
      .catch((error: unknown) => {
        logger.error({ error: error instanceof Error ? error.name : typeof error }, 'retention purge failed');
        throw error;
      })
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.firstRun) clearImmediate(this.firstRun);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }
}
