import { type FakeChannel, startFakeChannel } from '../../bench/fakeChannel';
import { PostgresDataStore } from '../../src/platform/storage/postgres/PostgresDataStore';
import type { NewDueCheckIn } from '../../src/platform/storage/repositories';
import { grantConsent, say, startTestApp, type TestApp } from '../support/app';
import { describePostgres, freshPostgresUrl, TEST_DATABASE_URL } from '../support/postgres';
import { openPostgres } from '../../src/platform/storage/postgres/database';

const SUNDAY_6PM = new Date('2026-12-06T23:00:00Z'); // America/New_York, EST
const MINUTE = 60_000;

/** Two instances of the real app, each with its own pool, against one fresh PostgreSQL schema. */
describePostgres('two instances, one database', () => {
  let a: TestApp;
  let b: TestApp;
  let channel: FakeChannel;
  let dispose: () => Promise<void>;
  const c = (key: string, vars?: Record<string, string | number>) => a.app.services.content.text(key, vars);
  const q = (id: string, value: string) => c(`intake.questions.${id}.choices.${value}`);

  beforeAll(async () => {
    channel = await startFakeChannel();
    const db = freshPostgresUrl();
    dispose = db.dispose;
    const env = {
      DATABASE_URL: db.url,
      DATABASE_POOL_SIZE: '4',
      CHECKIN_SENDS_PER_SECOND: '0',
      CHECKIN_INTERVAL_MS: '0',
    };
    // Both start at once: migrations run under the advisory lock, exactly once.
    [a, b] = await Promise.all([startTestApp({ env }), startTestApp({ env })]);
    for (const t of [a, b]) t.clock.set('2026-12-01T12:00:00Z');
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await channel?.close();
    await dispose?.();
  });

  test('one conversation whose turns alternate between the instances stays coherent', async () => {
    const instances = [a, b];
    let turn = 0;
    const options = { conversationId: 'alternate-conversation', userId: 'alternate', serviceUrl: channel.serviceUrl };
    /** Each turn goes to the other instance than the last one. */
    const chat = (text: string) => say(instances[turn++ % 2].baseUrl, text, options);
    await grantConsent(a, 'test:alternate');

    expect(await chat('hi')).toContain(c('menu.prompt')); // a: welcome and menu
    const intro = [c('intake.intro.start'), c('intake.intro.how'), c('intake.intro.optional')].join(' ');
    expect(await chat(c('menu.options.intake'))).toEqual([intro, c('intake.questions.products.prompt')]); // b
    expect(await chat(q('products', 'leaf'))).toEqual([c('intake.questions.age.prompt')]); // a
    expect(await chat("I'm 30")).toEqual([c('intake.questions.startedAgo.prompt')]); // b
    expect(await chat('dunno')).toEqual([c('intake.questions.startedAgo.unknown')]); // a
    expect(await chat(q('startedAgo', 'atLeast6Months'))).toEqual([c('intake.questions.startDose.prompt')]); // b
    expect(await chat("don't know")).toEqual([
      c('intake.questions.startDose.unknown'),
      c('intake.questions.currentDose.prompt'),
    ]); // a
    expect(await chat('no idea')).toEqual([c('intake.questions.currentDose.unknown')]); // b
    expect(await chat(q('currentDose', 'under10'))).toEqual([c('intake.questions.timesPerDay.prompt')]); // a
    expect(await chat(q('timesPerDay', 'twice'))).toEqual([c('intake.questions.rotation.prompt')]); // b

    // Both instances read the same saved answers, in the order they were given.
    const fromA = await a.app.services.store.intake.getAnswers('test:alternate');
    const fromB = await b.app.services.store.intake.getAnswers('test:alternate');
    expect(fromB).toEqual(fromA);
    expect(Object.keys(fromA!.answers)).toEqual([
      'products',
      'age',
      'startedAgo',
      'startDose',
      'currentDose',
      'timesPerDay',
    ]);
    expect(fromA!.completedAt).toBeUndefined();
  });

  test('both schedulers tick at the same instant: every due person gets exactly one check-in', async () => {
    const people = Array.from({ length: 8 }, (_, i) => `sched-${i}`);
    for (const [i, id] of people.entries()) {
      const t = i % 2 === 0 ? a : b;
      const options = { conversationId: `${id}-conversation`, userId: id, serviceUrl: channel.serviceUrl };
      await grantConsent(t, `test:${id}`);
      await say(t.baseUrl, 'hi', options);
      await say(t.baseUrl, 'check-ins on', options);
      await say(t.baseUrl, 'sunday 6pm', options);
      await say(t.baseUrl, 'Eastern', options);
      expect(await a.app.services.store.enrollments.get(`test:${id}`)).toMatchObject({
        status: 'active',
        weekday: 0,
        localTime: '18:00',
      });
    }

    const [ra, rb] = await Promise.all([a.app.runCheckIns(SUNDAY_6PM), b.app.runCheckIns(SUNDAY_6PM)]);
    expect(ra.claimed + rb.claimed).toBe(people.length);
    expect(ra.sent + rb.sent).toBe(people.length);
    for (const id of people) {
      const got = channel.received.filter((r) => r.conversationId === `${id}-conversation`);
      expect(got.map((r) => r.activity.channelData?.idempotencyKey)).toEqual([`checkin:test:${id}:week-1`]);
      // Next week's prompt and one follow-up, each queued once.
      expect(
        (await b.app.services.store.dueQueue.pendingFor(`test:${id}`)).map((r) => [r.kind, r.programWeek]),
      ).toEqual([
        ['followup', 1],
        ['prompt', 2],
      ]);
    }
    // Ticking both again at the same instant sends nothing more.
    const again = await Promise.all([a.app.runCheckIns(SUNDAY_6PM), b.app.runCheckIns(SUNDAY_6PM)]);
    expect(again.map((r) => r.claimed)).toEqual([0, 0]);
    expect(channel.received.filter((r) => r.conversationId.startsWith('sched-'))).toHaveLength(people.length);
  });
});

describePostgres('due-queue claims from several processes', () => {
  test('four pools claiming small batches at once share 200 rows: each row is leased exactly once', async () => {
    const { url, dispose } = freshPostgresUrl();
    const schema = new URL(url).searchParams.get('schema')!;
    const stores = await Promise.all(
      Array.from(
        { length: 4 },
        async () => new PostgresDataStore(await openPostgres({ url: TEST_DATABASE_URL, schema, poolSize: 2 })),
      ),
    );
    try {
      const rows: NewDueCheckIn[] = Array.from({ length: 200 }, (_, i) => ({
        personId: `p${i}`,
        kind: 'prompt',
        programWeek: 1,
        idempotencyKey: `checkin:p${i}:week-1`,
        slotAt: SUNDAY_6PM,
        dueAt: SUNDAY_6PM,
      }));
      for (const row of rows) await stores[0].dueQueue.enqueue(row, SUNDAY_6PM);
      const claimedBy = await Promise.all(
        stores.map(async (store) => {
          const mine: number[] = [];
          for (;;) {
            const { claimed } = await store.dueQueue.claim(SUNDAY_6PM, 7, 5 * MINUTE);
            if (claimed.length === 0) return mine;
            mine.push(...claimed.map((r) => r.id));
          }
        }),
      );
      const all = claimedBy.flat();
      expect(all).toHaveLength(200);
      expect(new Set(all).size).toBe(200);
      // Nobody was starved: with SKIP LOCKED every process found work instead of waiting.
      expect(claimedBy.filter((ids) => ids.length > 0).length).toBeGreaterThan(1);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
      await dispose();
    }
  });
});
