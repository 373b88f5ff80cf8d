import { grantConsent, startTestApp, type TestApp } from '../support/app';
import { call, newSession } from '../support/directLineClient';

type Shown = { text?: string; from: { id: string }; channelData?: { idempotencyKey?: string } };

/** A person who opens the web chat and turns on Sunday 6 pm check-ins (Eastern); their history reads from the store. */
async function enrollOnTheWeb(t: TestApp) {
  const session = await newSession(t.baseUrl);
  expect((await call(t.baseUrl, 'POST', '/v3/directline/conversations', { token: session.token })).status).toBe(201);
  const personId = `directline:${session.userId}`;
  await grantConsent(t, personId);

  const path = `/v3/directline/conversations/${session.conversationId}/activities`;
  for (const message of ['check-ins on', 'sunday 6pm', 'Eastern']) {
    const posted = await call(t.baseUrl, 'POST', path, {
      token: session.token,
      body: { type: 'message', text: message },
    });
    expect(posted.status).toBe(200);
  }
  expect(await t.app.services.store.enrollments.get(personId)).toMatchObject({
    status: 'active',
    weekday: 0,
    localTime: '18:00',
  });
  // Read the stored history directly: a week later the page's token has expired and the page would
  // first fetch a new one (tested in pageSession.test.ts); what it then shows is this history.
  const history = async () =>
    (await t.app.services.store.directLine.activitiesAfter(session.conversationId, 0, 1000)).map(
      (stored) => stored.activity as unknown as Shown,
    );
  return { session, personId, history };
}

/**
 * The whole path of a weekly check-in on the web channel: a person enrolls through Direct Line, the
 * clock moves to the chosen time, the scheduler sends the prompt with continueConversationAsync, and
 * the prompt is in the person's Web Chat history (what Web Chat shows when they come back).
 */
describe('a weekly check-in through the web channel', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp({ env: { CHECKIN_INTERVAL_MS: '0', CHECKIN_SENDS_PER_SECOND: '0' } });
  });
  afterEach(async () => t.stop());

  test('enroll over Direct Line, move the clock a week, and the prompt waits in the history', async () => {
    const text = (key: string, vars?: Record<string, string | number>) => t.app.services.content.text(key, vars);
    const { session, personId, history } = await enrollOnTheWeb(t);
    const before = (await history()).length;

    // Sunday 6 pm in New York, the first Sunday after the test clock's start (Tuesday, December 1).
    const due = new Date('2026-12-06T23:00:00Z');
    t.clock.set(due);
    await t.app.runCheckIns(due);

    const after = await history();
    const sent = after.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0].text).toBe(text('schedule.invitation.prompt', { week: 1 }));
    expect(sent[0].from.id).not.toBe(session.userId);
    expect(sent[0].channelData?.idempotencyKey).toBe(`checkin:${personId}:week-1`);

    // A second tick at the same instant sends nothing more: the prompt was recorded as sent.
    await t.app.runCheckIns(due);
    expect((await history()).length).toBe(after.length);
  });

  test('sent but not recorded (the server died): the resend after the lease has the same key and the history keeps one', async () => {
    const { personId, history } = await enrollOnTheWeb(t);
    const queue = t.app.services.store.dueQueue;
    const [row] = await queue.pendingFor(personId);
    const prompts = async () =>
      (await history()).map((shown) => shown.channelData?.idempotencyKey).filter((key) => key !== undefined);

    // The prompt reaches the web channel, then recording its outcome fails as if the process had died.
    const record = jest.spyOn(queue, 'apply').mockRejectedValueOnce(new Error('process died before recording'));
    t.clock.set(row.dueAt);
    expect(await t.app.runCheckIns(row.dueAt)).toMatchObject({ claimed: 1, sent: 1 });
    record.mockRestore();
    expect(await prompts()).toEqual([row.idempotencyKey]);

    // After the lease the row is claimed again and sent again with the same key: the channel drops it.
    const afterLease = new Date(row.dueAt.getTime() + t.app.config.checkIns.leaseMs);
    t.clock.set(afterLease);
    expect(await t.app.runCheckIns(afterLease)).toMatchObject({ claimed: 1, sent: 1, abandoned: 0 });
    expect(await prompts()).toEqual([row.idempotencyKey]);
    expect(t.logs.text).toContain('duplicate bot activity dropped');
    expect(await queue.lastSentPrompt(personId)).toMatchObject({ idempotencyKey: row.idempotencyKey, state: 'sent' });
  });
});
