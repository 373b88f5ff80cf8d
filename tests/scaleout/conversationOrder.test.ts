import { messageActivity, postActivity, startTestApp, type TestApp } from '../support/app';
import { describePostgres, freshPostgresUrl, TEST_DATABASE_URL } from '../support/postgres';
import { PostgresDataStore } from '../../src/platform/storage/postgres/PostgresDataStore';
import { ConversationLockTimeout } from '../../src/platform/storage/conversationLocks';
import { PostgresConversationLocks } from '../../src/platform/storage/postgres/PostgresConversationLocks';

jest.setTimeout(120_000);

/** Two instances of the real app on one PostgreSQL schema; messages of one conversation reach both at once. */
describePostgres('turns of one conversation across two instances', () => {
  let a: TestApp;
  let b: TestApp;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    const db = freshPostgresUrl();
    dispose = db.dispose;
    const env = { DATABASE_URL: db.url, DATABASE_POOL_SIZE: '4', CHECKIN_INTERVAL_MS: '0' };
    [a, b] = await Promise.all([startTestApp({ env }), startTestApp({ env })]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await dispose?.();
  });

  test('concurrent first messages on both instances: every one answered, the welcome sent exactly once', async () => {
    const greeting = a.app.services.content.text('welcome.greeting');
    for (const round of [1, 2, 3]) {
      const options = { conversationId: `order-conversation-${round}`, userId: `order-person-${round}` };
      // Eight messages at the same moment, alternating instances. Each first turn reads "not welcomed yet";
      // only turns that run one after another see the welcome the earlier one saved.
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          postActivity((i % 2 === 0 ? a : b).baseUrl, messageActivity(`hello ${i}`, options)),
        ),
      );
      expect(results.map((r) => r.status)).toEqual(Array(8).fill(200));
      for (const result of results) expect(result.replies.length).toBeGreaterThan(0);
      const welcomes = results.flatMap((r) => r.replies).filter((reply) => reply.text === greeting);
      expect(welcomes).toHaveLength(1);
    }
  });
});

describePostgres('PostgreSQL conversation locks', () => {
  test('two stores (two instances) never run tasks of one conversation at once; other conversations do not wait', async () => {
    const { url, dispose } = freshPostgresUrl();
    const schema = new URL(url).searchParams.get('schema')!;
    const stores = await Promise.all(
      [0, 1].map(() => PostgresDataStore.open({ url: TEST_DATABASE_URL, schema, poolSize: 3 })),
    );
    try {
      let inside = 0;
      let most = 0;
      const order: number[] = [];
      const task = (n: number) => async () => {
        inside++;
        most = Math.max(most, inside);
        await new Promise((resolve) => setTimeout(resolve, 20));
        order.push(n);
        inside--;
      };
      await Promise.all(
        Array.from({ length: 10 }, (_, n) => stores[n % 2].conversationLocks.run('test/shared', task(n))),
      );
      expect(most).toBe(1);
      expect(order.sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);

      // Held by one store, another conversation still runs at once on the other.
      let release!: () => void;
      const held = stores[0].conversationLocks.run(
        'test/held',
        () => new Promise<void>((resolve) => (release = resolve)),
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
      await expect(stores[1].conversationLocks.run('test/other', async () => 'ran')).resolves.toBe('ran');
      release();
      await held;
    } finally {
      await Promise.all(stores.map((s) => s.close()));
      await dispose();
    }
  });

  test('the wait is bounded: a conversation held too long fails the waiting turn instead of hanging it', async () => {
    const { url, dispose } = freshPostgresUrl();
    const schema = new URL(url).searchParams.get('schema')!;
    const holder = new PostgresConversationLocks({ url: TEST_DATABASE_URL, size: 1, namespace: schema });
    const waiter = new PostgresConversationLocks({ url: TEST_DATABASE_URL, size: 1, namespace: schema, waitMs: 300 });
    try {
      let release!: () => void;
      const held = holder.run('test/slow', () => new Promise<void>((resolve) => (release = resolve)));
      await new Promise((resolve) => setTimeout(resolve, 50));
      const started = Date.now();
      await expect(waiter.run('test/slow', async () => 'ran')).rejects.toBeInstanceOf(ConversationLockTimeout);
      expect(Date.now() - started).toBeLessThan(3000);
      release();
      await held;
      // Once released it is free again, and a failed task releases it too.
      await expect(waiter.run('test/slow', async () => 'ran')).resolves.toBe('ran');
      await expect(holder.run('test/slow', async () => Promise.reject(new Error('turn failed')))).rejects.toThrow(
        'turn failed',
      );
      await expect(waiter.run('test/slow', async () => 'ran again')).resolves.toBe('ran again');
    } finally {
      await Promise.all([holder.close(), waiter.close()]);
      await dispose();
    }
  });
});
