import type { Clock } from '../clock';
import type { Logger } from '../logger';

/**
 * One piece of periodic work (the check-ins, the retention purge, ...). `everyMs` is how often the
 * in-process scheduler runs it (0 = never in-process: only `tick`, i.e. the operator command or cron).
 * A job must be safe to run often; its errors are logged and never stop the others.
 */
export interface ScheduledJob<Result = unknown> {
  readonly name: string;
  readonly everyMs: number;
  /** Also run once right after start() (the retention purge does, so a restart does not delay it a whole period). */
  readonly runAtStart?: boolean;
  /** `stopping()` turns true when the scheduler is asked to stop; long jobs check it between units of work. */
  run(now: Date, stopping: () => boolean): Promise<Result>;
}

/** Timers as a seam: the real ones by default, a fake in tests that prove nothing was started. */
export interface SchedulerTimers {
  setInterval(run: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  setImmediate(run: () => void): unknown;
  clearImmediate(handle: unknown): void;
}

export const realTimers: SchedulerTimers = {
  setInterval: (run, ms) => setInterval(run, ms).unref(),
  clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
  setImmediate: (run) => setImmediate(run).unref(),
  clearImmediate: (handle) => clearImmediate(handle as NodeJS.Immediate),
};

export interface JobOutcome {
  name: string;
  ok: boolean;
  result?: unknown;
}

/**
 * The app's one scheduler. Building it starts nothing: `start()` (called by `main` only) sets one
 * interval per job; `tick(at)` runs every job once (the operator command `npm run checkins`, cron, tests).
 * Runs never overlap: every run, from a timer or from tick, waits for the one in progress.
 */
export class Scheduler {
  private readonly handles: Array<{ kind: 'interval' | 'immediate'; handle: unknown }> = [];
  private queue: Promise<unknown> = Promise.resolve();
  private pending = 0;
  /** Jobs a timer has put in line and that have not finished yet. */
  private readonly busy = new Set<string>();
  private stopping = false;

  constructor(
    private readonly deps: { clock: Clock; logger: Logger; jobs: readonly ScheduledJob[]; timers?: SchedulerTimers },
  ) {}

  get jobNames(): string[] {
    return this.deps.jobs.map((job) => job.name);
  }

  /** True between start() and stop(). */
  get started(): boolean {
    return this.handles.length > 0;
  }

  /** Runs one job at `at` after any run in progress; its own errors reach the caller. */
  run<Result>(job: ScheduledJob<Result>, at: Date = this.deps.clock.now()): Promise<Result> {
    this.stopping = false;
    return this.enqueue(() => job.run(at, () => this.stopping));
  }

  /** Runs every job once, in order; a failing job is logged and the others still run. */
  async tick(at: Date = this.deps.clock.now()): Promise<JobOutcome[]> {
    this.stopping = false;
    return this.enqueue(async () => {
      const outcomes: JobOutcome[] = [];
      for (const job of this.deps.jobs) outcomes.push(await this.runGuarded(job, at));
      return outcomes;
    });
  }

  /** Starts the in-process timers: one interval per job with everyMs > 0. Idempotent. */
  start(): void {
    if (this.started) return;
    const timers = this.deps.timers ?? realTimers;
    this.stopping = false;
    for (const job of this.deps.jobs) {
      if (job.everyMs <= 0) continue;
      const wake = () => {
        // A wake that finds this job already waiting in line is dropped rather than queued twice.
        if (this.busy.has(job.name)) return;
        void this.enqueue(() => this.runGuarded(job, this.deps.clock.now()), job.name);
      };
      this.handles.push({ kind: 'interval', handle: timers.setInterval(wake, job.everyMs) });
      if (job.runAtStart) this.handles.push({ kind: 'immediate', handle: timers.setImmediate(wake) });
    }
  }

  /** Stops the timers and waits for the run in progress (a long job sees `stopping()` turn true). */
  async stop(): Promise<void> {
    this.stopping = true;
    const timers = this.deps.timers ?? realTimers;
    for (const { kind, handle } of this.handles.splice(0)) {
      if (kind === 'interval') timers.clearInterval(handle);
      else timers.clearImmediate(handle);
    }
    while (this.pending > 0) await this.queue.catch(() => undefined);
  }

  private enqueue<T>(task: () => Promise<T>, name?: string): Promise<T> {
    this.pending++;
    if (name) this.busy.add(name);
    const run = this.queue.catch(() => undefined).then(task);
    // The line itself never rejects; the caller gets `run` with its own outcome.
    this.queue = run
      .catch(() => undefined)
      .finally(() => {
        this.pending--;
        if (name) this.busy.delete(name);
      });
    return run;
  }

  private async runGuarded(job: ScheduledJob, at: Date): Promise<JobOutcome> {
    try {
      return { name: job.name, ok: true, result: await job.run(at, () => this.stopping) };
    } catch (error) {
      this.deps.logger.error(
        { job: job.name, error: error instanceof Error ? error.name : typeof error },
        'periodic job failed',
      );
      return { name: job.name, ok: false };
    }
  }
}
