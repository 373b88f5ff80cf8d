import { createLogger } from '../../src/platform/logger';
import { type ScheduledJob, Scheduler, type SchedulerTimers } from '../../src/platform/scheduler/Scheduler';
import { FakeClock, LogCapture } from '../support/fakes';

/** Timers that only record what was asked and fire when the test says so. */
class FakeTimers implements SchedulerTimers {
  readonly intervals = new Map<number, { run: () => void; ms: number }>();
  readonly immediates = new Map<number, () => void>();
  private next = 1;
  setInterval(run: () => void, ms: number): unknown {
    const id = this.next++;
    this.intervals.set(id, { run, ms });
    return id;
  }
  clearInterval(handle: unknown): void {
    this.intervals.delete(handle as number);
  }
  setImmediate(run: () => void): unknown {
    const id = this.next++;
    this.immediates.set(id, run);
    return id;
  }
  clearImmediate(handle: unknown): void {
    this.immediates.delete(handle as number);
  }
  get active(): number {
    return this.intervals.size + this.immediates.size;
  }
}

const AT = new Date('2026-12-06T23:00:00Z');

function recordingJob(
  name: string,
  everyMs: number,
  ran: string[],
  extra: Partial<ScheduledJob> = {},
): ScheduledJob<string> {
  return { name, everyMs, ...extra, run: async (now) => (ran.push(`${name}@${now.toISOString()}`), name) };
}

describe('Scheduler', () => {
  test('building and ticking start no timer; start() sets one per job with an interval, stop() clears them', async () => {
    const timers = new FakeTimers();
    const ran: string[] = [];
    const scheduler = new Scheduler({
      clock: new FakeClock(AT),
      logger: createLogger('silent'),
      timers,
      jobs: [
        recordingJob('a', 1000, ran),
        recordingJob('cronOnly', 0, ran),
        recordingJob('purge', 5000, ran, { runAtStart: true }),
      ],
    });
    expect(timers.active).toBe(0);
    await scheduler.tick(AT);
    expect(timers.active).toBe(0);
    expect(scheduler.started).toBe(false);
    expect(ran).toEqual([`a@${AT.toISOString()}`, `cronOnly@${AT.toISOString()}`, `purge@${AT.toISOString()}`]);

    scheduler.start();
    expect([...timers.intervals.values()].map((t) => t.ms)).toEqual([1000, 5000]);
    expect(timers.immediates.size).toBe(1);
    ran.length = 0;
    for (const run of timers.immediates.values()) run();
    await scheduler.stop();
    expect(ran).toEqual([`purge@${AT.toISOString()}`]);
    expect(timers.active).toBe(0);
  });

  test('a failing job is logged by name and the others still run', async () => {
    const logs = new LogCapture();
    const ran: string[] = [];
    const broken: ScheduledJob = { name: 'broken', everyMs: 0, run: async () => Promise.reject(new Error('boom')) };
    const scheduler = new Scheduler({
      clock: new FakeClock(AT),
      logger: createLogger('info', logs),
      timers: new FakeTimers(),
      jobs: [broken, recordingJob('after', 0, ran)],
    });
    const outcomes = await scheduler.tick(AT);
    expect(outcomes).toEqual([
      { name: 'broken', ok: false },
      { name: 'after', ok: true, result: 'after' },
    ]);
    expect(logs.text).toContain('periodic job failed');
    expect(logs.text).toContain('"job":"broken"');
  });

  test('runs never overlap: a run waits for the one in progress', async () => {
    const order: string[] = [];
    let release!: () => void;
    const slow: ScheduledJob = {
      name: 'slow',
      everyMs: 0,
      run: () =>
        new Promise<void>((resolve) => {
          order.push('slow:start');
          release = () => {
            order.push('slow:end');
            resolve();
          };
        }),
    };
    const quick = recordingJob('quick', 0, order);
    const scheduler = new Scheduler({
      clock: new FakeClock(AT),
      logger: createLogger('silent'),
      timers: new FakeTimers(),
      jobs: [slow, quick],
    });
    const first = scheduler.run(slow, AT);
    const second = scheduler.run(quick, AT);
    await new Promise((r) => setImmediate(r));
    expect(order).toEqual(['slow:start']);
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['slow:start', 'slow:end', `quick@${AT.toISOString()}`]);
  });
});
