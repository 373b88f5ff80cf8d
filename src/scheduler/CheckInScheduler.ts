import type { Clock } from '../clock';
import type { Logger } from '../logger';
import type { CheckInDispatcher, DispatchReport } from './CheckInDispatcher';

/**
 * Something the scheduler runs on every tick after the check-ins, e.g. issue 4's retention purge.
 * A job must be safe to run often; its errors are logged and never stop the others.
 */
export interface PeriodicJob {
  readonly name: string;
  run(now: Date): Promise<void>;
}

/**
 * Wakes every intervalMs (in-process) or once per call of tick(at) (the operator command, cron, tests),
 * runs the due check-ins and then every periodic job. Ticks never overlap.
 */
export class CheckInScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private readonly jobs: PeriodicJob[] = [];
  private stopping = false;

  constructor(
    private readonly deps: {
      dispatcher: CheckInDispatcher;
      clock: Clock;
      logger: Logger;
      intervalMs: number;
      /** Told each run's outcomes (the metrics count them). */
      onDispatch?: (report: DispatchReport) => void;
    },
  ) {}

  addJob(job: PeriodicJob): void {
    this.jobs.push(job);
  }

  get jobNames(): string[] {
    return this.jobs.map((job) => job.name);
  }

  /** Runs everything due at `at` once; waits for a tick already in progress first. */
  async tick(at: Date = this.deps.clock.now()): Promise<DispatchReport> {
    this.stopping = false;
    while (this.running) await this.running.catch(() => undefined);
    const run = this.runOnce(at);
    this.running = run;
    try {
      return await run;
    } finally {
      this.running = undefined;
    }
  }

  private async runOnce(at: Date): Promise<DispatchReport> {
    const report = await this.deps.dispatcher.runDue(at, () => this.stopping);
    this.deps.onDispatch?.(report);
    if (report.claimed > 0 || report.abandoned > 0) this.deps.logger.info({ ...report }, 'check-ins dispatched');
    for (const job of this.jobs) {
      try {
        await job.run(at);
      } catch (error) {
        this.deps.logger.error(
          { job: job.name, error: error instanceof Error ? error.name : typeof error },
          'periodic job failed',
        );
      }
    }
    return report;
  }

  /** Starts the in-process interval (0 = off). */
  start(): void {
    if (this.timer || this.deps.intervalMs <= 0) return;
    this.stopping = false;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.tick().catch((error) =>
        this.deps.logger.error({ error: error instanceof Error ? error.name : typeof error }, 'check-in tick failed'),
      );
    }, this.deps.intervalMs);
    this.timer.unref();
  }

  /** Stops the interval and waits for a tick in progress to finish. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    while (this.running) await this.running.catch(() => undefined);
  }
}
