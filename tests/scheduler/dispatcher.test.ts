import { grantConsent, say, startTestApp, type TestApp } from '../support/app';
import { FakeCheckInSender } from '../support/fakes';

const SUNDAY_6PM = new Date('2026-12-06T23:00:00Z');
const HOUR = 3_600_000;

/** The dispatcher's own rules, with the sender replaced by a scripted fake. */
describe('dispatcher rules (fake sender)', () => {
  let t: TestApp;
  let sender: FakeCheckInSender;
  const enroll = async (id: string) => {
    const options = { conversationId: `${id}-c`, userId: id, serviceUrl: 'http://127.0.0.1:9/' };
    await grantConsent(t, `test:${id}`);
    for (const text of ['hi', 'check-ins on', 'sunday 6pm', 'Eastern']) await say(t.baseUrl, text, options);
    return `test:${id}`;
  };
  beforeEach(async () => {
    sender = new FakeCheckInSender();
    // Paced (fast, to keep the tests quick), so each outcome is committed as soon as it is known, and one send
    // at a time, so the order of sends and records is known.
    t = await startTestApp({
      env: { CHECKIN_SENDS_PER_SECOND: '1000', CHECKIN_CONCURRENCY: '1' },
      overrides: { checkInSender: sender },
    });
  });
  afterEach(async () => t.stop());

  test('transient failures give up after six attempts; next week’s prompt is still queued', async () => {
    const personId = await enroll('giveup');
    sender.answer(...Array.from({ length: 6 }, () => ({ kind: 'transient' as const, statusCode: 503 })));
    let at = SUNDAY_6PM;
    for (let i = 0; i < 6; i++) {
      await t.app.runCheckIns(at);
      const pending = await t.app.services.store.dueQueue.pendingFor(personId);
      at = pending[0].dueAt;
    }
    expect(sender.jobs).toHaveLength(6);
    expect(new Set(sender.jobs.map((j) => j.idempotencyKey)).size).toBe(1);
    const pending = await t.app.services.store.dueQueue.pendingFor(personId);
    expect(pending.map((r) => [r.kind, r.programWeek])).toEqual([['prompt', 2]]);
    const exported = (await t.app.services.store.dueQueue.exportFor(personId)) as { due: Array<{ outcome?: string }> };
    expect(exported.due[0].outcome).toBe('gave_up');
  });

  test('each send is noted just before it goes and recorded before the next, so a crash can cut off only the send in flight', async () => {
    const people = [await enroll('first'), await enroll('second'), await enroll('third')];
    const queue = t.app.services.store.dueQueue;
    const seen: Array<{ person: string; current: Array<[string, number]>; earlierNotRecorded: number }> = [];
    sender.inspect = async (job) => {
      const open = async (personId: string, key: string) =>
        (await queue.pendingFor(personId)).filter((row) => row.idempotencyKey === key);
      const current = (await open(job.personId, job.idempotencyKey)).map((row): [string, number] => [
        row.state,
        row.unrecordedSends,
      ]);
      let earlierNotRecorded = 0;
      for (const earlier of sender.jobs)
        earlierNotRecorded += (await open(earlier.personId, earlier.idempotencyKey)).length;
      seen.push({ person: job.personId, current, earlierNotRecorded });
    };
    expect(await t.app.runCheckIns(SUNDAY_6PM)).toMatchObject({ claimed: 3, sent: 3 });
    // The row being sent is leased and noted once; every earlier send is already recorded as sent.
    expect(seen).toEqual(people.map((person) => ({ person, current: [['leased', 1]], earlierNotRecorded: 0 })));
  });

  test('a send that never answers times out as a transient failure; the run ends and the retry goes out', async () => {
    await t.stop();
    t = await startTestApp({
      env: { CHECKIN_SENDS_PER_SECOND: '1000', CHECKIN_CONCURRENCY: '1', CHECKIN_SEND_TIMEOUT_MS: '1000' },
      overrides: { checkInSender: sender },
    });
    const personId = await enroll('hung');
    let hangs = 1;
    sender.inspect = () => (hangs-- > 0 ? new Promise<void>(() => undefined) : Promise.resolve());
    expect(await t.app.runCheckIns(SUNDAY_6PM)).toMatchObject({ claimed: 1, sent: 0, retried: 1 });
    const [retry] = await t.app.services.store.dueQueue.pendingFor(personId);
    expect(retry).toMatchObject({ kind: 'prompt', programWeek: 1, attempts: 1, unrecordedSends: 0 });
    expect(await t.app.runCheckIns(retry.dueAt)).toMatchObject({ claimed: 1, sent: 1 });
    expect(sender.jobs.map((job) => job.idempotencyKey)).toEqual([`checkin:${personId}:week-1`]);
  });

  test('a prompt found two days late is skipped for next week’s', async () => {
    const personId = await enroll('late');
    const report = await t.app.runCheckIns(new Date(SUNDAY_6PM.getTime() + 49 * HOUR));
    expect(report).toMatchObject({ claimed: 1, cancelled: 1, sent: 0 });
    expect(sender.jobs).toHaveLength(0);
    expect((await t.app.services.store.dueQueue.pendingFor(personId)).map((r) => r.dueAt.toISOString())).toEqual([
      '2026-12-13T23:00:00.000Z',
    ]);
  });

  test('the app has one scheduler: every periodic job is in its list, and tick(at) runs each once at that instant', async () => {
    expect(t.app.scheduler.jobNames).toEqual(['checkIns', 'retentionPurge']);
    expect(t.app.scheduler.started).toBe(false);
    const outcomes = await t.app.scheduler.tick(SUNDAY_6PM);
    expect(outcomes.map(({ name, ok }) => ({ name, ok }))).toEqual([
      { name: 'checkIns', ok: true },
      { name: 'retentionPurge', ok: true },
    ]);
    expect(outcomes[0]?.result).toMatchObject({ claimed: 0 });
  });
});
