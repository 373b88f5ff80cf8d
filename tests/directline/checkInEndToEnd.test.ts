import { grantConsent, startTestApp, type TestApp } from '../support/app';
import { call, newSession } from '../support/directLineClient';

/**
 * The whole path of a weekly check-in on the web channel: a person enrolls through Direct Line, the
 * clock moves to the chosen time, the scheduler sends the prompt with continueConversationAsync, and
 * the prompt is in the person's Web Chat history (what Web Chat shows when they come back).
 */
describe('a weekly check-in through the web channel', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { CHECKIN_INTERVAL_MS: '0', CHECKIN_SENDS_PER_SECOND: '0' } });
  });
  afterAll(async () => t.stop());

  test('enroll over Direct Line, move the clock a week, and the prompt waits in the history', async () => {
    const text = (key: string, vars?: Record<string, string | number>) => t.app.services.content.text(key, vars);
    const session = await newSession(t.baseUrl);
    expect((await call(t.baseUrl, 'POST', '/v3/directline/conversations', { token: session.token })).status).toBe(201);
    const personId = `directline:${session.userId}`;
    await grantConsent(t, personId);

    const path = `/v3/directline/conversations/${session.conversationId}/activities`;
    for (const message of ['check-ins on', 'sunday 6pm', 'Eastern']) {
      const posted = await call(t.baseUrl, 'POST', path, { token: session.token, body: { type: 'message', text: message } });
      expect(posted.status).toBe(200);
    }
    expect(await t.app.services.store.enrollments.get(personId)).toMatchObject({ status: 'active', weekday: 0, localTime: '18:00' });

    // Read the stored history directly: a week later the page's token has expired and the page would
    // first fetch a new one (tested in pageSession.test.ts); what it then shows is this history.
    type Shown = { text?: string; from: { id: string }; channelData?: { idempotencyKey?: string } };
    const history = async () =>
      (await t.app.services.store.directLine.activitiesAfter(session.conversationId, 0, 1000)).map((stored) => stored.activity as unknown as Shown);
    const before = (await history()).length;

    // Sunday 6 pm in New York, the first Sunday after the test clock's start (Tuesday, December 1).
    const due = new Date('2026-12-06T23:00:00Z');
    t.clock.set(due);
    await t.app.scheduler.tick(due);

    const after = await history();
    const sent = after.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0].text).toBe(text('schedule.invitation.prompt', { week: 1 }));
    expect(sent[0].from.id).not.toBe(session.userId);
    expect(sent[0].channelData?.idempotencyKey).toBe(`checkin:${personId}:week-1`);

    // A second tick at the same instant sends nothing more: the prompt was recorded as sent.
    await t.app.scheduler.tick(due);
    expect((await history()).length).toBe(after.length);
  });
});
