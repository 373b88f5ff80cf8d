import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { openChat, sendTurn } from '../../src/cli/chat';
import { loadConfig } from '../../src/platform/config';
import type { SchedulerTimers } from '../../src/platform/scheduler/Scheduler';
import { SqliteDataStore } from '../../src/platform/storage/sqlite/SqliteDataStore';
import { makeTempDir } from '../support/app';

/** Timers that only count what was asked of them. */
class CountingTimers implements SchedulerTimers {
  asked = 0;
  setInterval(): unknown {
    return ++this.asked;
  }
  clearInterval(): void {}
  setImmediate(): unknown {
    return ++this.asked;
  }
  clearImmediate(): void {}
}

const nextMacrotasks = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
};

/** `npm run chat` builds the app with openChat and talks to it; nothing periodic may run behind the terminal. */
describe('npm run chat starts no background jobs', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTempDir('chat-starts-nothing-');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const config = () =>
    loadConfig({
      DATABASE_URL: `sqlite:${join(dir, 'coach.db')}`,
      RETENTION_CHECK_MINUTES: '1',
      CHECKIN_INTERVAL_MS: '1000',
    });

  test('building the chat app asks the scheduler for no timer, and a turn does not either', async () => {
    const timers = new CountingTimers();
    const app = await openChat(config(), { timers });
    try {
      expect(app.scheduler.jobNames).toEqual(['checkIns', 'retentionPurge']);
      expect(app.scheduler.started).toBe(false);
      await sendTurn(app, { type: 'message', text: 'hi' });
      expect(timers.asked).toBe(0);
      expect(app.scheduler.started).toBe(false);
    } finally {
      await app.stop();
    }
  });

  test('with the real timers: no interval is set while building or idling, and the retention purge does not run (an old person stays)', async () => {
    const seeded = SqliteDataStore.open(join(dir, 'coach.db'));
    await seeded.people.seen('test:long-gone', 'test', [], new Date('2020-01-01T00:00:00Z'));
    await seeded.close();
    // Every periodic runner (the scheduler's jobs, the Direct Line keep-alive) is a setInterval.
    const intervals = jest.spyOn(global, 'setInterval');
    const app = await openChat(config());
    try {
      await nextMacrotasks(5);
      expect(intervals).not.toHaveBeenCalled();
      expect(await app.services.store.people.get('test:long-gone')).toBeDefined();
    } finally {
      intervals.mockRestore();
      await app.stop();
    }
  });
});
