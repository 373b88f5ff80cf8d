import { describeEachDatabaseKind } from '../support/databases';
import { type CheckInHarness, startCheckInHarness } from './support';

const SUNDAY_6PM = new Date('2026-12-06T23:00:00Z'); // America/New_York, EST
const MONDAY_6PM = new Date('2026-12-07T23:00:00Z');
const NEXT_SUNDAY_6PM = new Date('2026-12-13T23:00:00Z');
const MINUTE = 60_000;

describeEachDatabaseKind('check-in dispatch', (database) => {
  describe('sending due check-ins', () => {
    let h: CheckInHarness;
    beforeEach(async () => {
      h = await startCheckInHarness({}, database);
    });
    afterEach(async () => h.stop());

    test('the prompt reaches the channel with the idempotency key; next week and one follow-up are queued', async () => {
      const p = h.person('send');
      await p.enroll();
      expect((await h.t.app.runCheckIns(new Date(SUNDAY_6PM.getTime() - MINUTE))).claimed).toBe(0);

      const report = await h.t.app.runCheckIns(SUNDAY_6PM);
      expect(report).toMatchObject({ claimed: 1, sent: 1 });
      const [prompt] = p.received();
      expect(prompt.activity.text).toBe(h.text('schedule.invitation.prompt', { week: 1 }));
      expect(prompt.activity.channelData?.idempotencyKey).toBe(`checkin:${p.personId}:week-1`);
      expect(
        (prompt.activity as { suggestedActions?: { actions: Array<{ title: string }> } }).suggestedActions?.actions.map(
          (a) => a.title,
        ),
      ).toEqual([
        h.text('schedule.invitation.options.start'),
        h.text('schedule.invitation.options.later'),
        h.text('schedule.invitation.options.stop'),
      ]);

      const pending = await h.t.app.services.store.dueQueue.pendingFor(p.personId);
      expect(pending.map((r) => [r.kind, r.programWeek, r.dueAt.toISOString()])).toEqual([
        ['followup', 1, MONDAY_6PM.toISOString()],
        ['prompt', 2, NEXT_SUNDAY_6PM.toISOString()],
      ]);
      // Ticking again at the same instant sends nothing more.
      expect((await h.t.app.runCheckIns(SUNDAY_6PM)).claimed).toBe(0);

      // No answer by Monday 6 pm: one gentle follow-up, and none after it.
      await h.t.app.runCheckIns(MONDAY_6PM);
      expect(p.received().map((r) => r.activity.text)).toEqual([
        h.text('schedule.invitation.prompt', { week: 1 }),
        h.text('schedule.invitation.followup', { week: 1 }),
      ]);
      expect(p.received()[1].activity.channelData?.idempotencyKey).toBe(`checkin:${p.personId}:week-1:followup`);
      await h.t.app.runCheckIns(new Date(NEXT_SUNDAY_6PM.getTime() - MINUTE));
      expect(p.received()).toHaveLength(2);
    });

    test('an answered check-in cancels the follow-up; "later" ends the prompt politely', async () => {
      const answered = h.person('answered');
      const later = h.person('later');
      await answered.enroll();
      await later.enroll();
      await h.t.app.runCheckIns(SUNDAY_6PM);
      h.t.clock.set(new Date(SUNDAY_6PM.getTime() + 5 * MINUTE));

      expect(await later.chat('Later')).toEqual([h.text('checkin.later'), h.text('menu.prompt')]);
      for (const reply of ['Start check-in', '0', '3', 'None', 'Well', 'Good', '10', 'No one yet'])
        await answered.chat(reply);
      expect(await h.t.app.services.store.checkIns.listFor(answered.personId)).toHaveLength(1);

      const report = await h.t.app.runCheckIns(MONDAY_6PM);
      expect(report).toMatchObject({ claimed: 2, sent: 1, cancelled: 1 });
      expect(answered.received()).toHaveLength(1);
      expect(later.received()).toHaveLength(2);
    });

    test.each([
      [
        'March (clocks go forward)',
        'sunday 6pm',
        '2027-03-01T12:00:00Z',
        '2027-03-07T23:00:00.000Z',
        '2027-03-14T22:00:00.000Z',
      ],
      [
        'November (clocks go back)',
        'sunday 6pm',
        '2026-10-20T12:00:00Z',
        '2026-10-25T22:00:00.000Z',
        '2026-11-01T23:00:00.000Z',
      ],
      [
        'March, an afternoon slot',
        'sunday 2:30 pm',
        '2027-03-01T12:00:00Z',
        '2027-03-07T19:30:00.000Z',
        '2027-03-14T18:30:00.000Z',
      ],
    ])(
      'across a DST change in America/New_York, %s: same local weekday and time a week later',
      async (_label, dayAndTime, enrolledAt, first, second) => {
        const p = h.person(`dst-${_label.length}`);
        h.t.clock.set(enrolledAt);
        await p.enroll(dayAndTime);
        const store = h.t.app.services.store;
        expect((await store.dueQueue.pendingFor(p.personId)).map((r) => r.dueAt.toISOString())).toEqual([first]);
        await h.t.app.runCheckIns(new Date(first));
        const next = (await store.dueQueue.pendingFor(p.personId)).find((r) => r.kind === 'prompt')!;
        expect(next.dueAt.toISOString()).toBe(second);
        expect(next.programWeek).toBe(2);
      },
    );

    test('changing the schedule replaces the queued prompt and never repeats a week already sent', async () => {
      const p = h.person('reschedule');
      await p.enroll();
      await h.t.app.runCheckIns(SUNDAY_6PM);
      h.t.clock.set(new Date(SUNDAY_6PM.getTime() + MINUTE));
      await p.chat('check-ins on');
      await p.chat('monday 7pm');
      await p.chat('Eastern');
      const pending = await h.t.app.services.store.dueQueue.pendingFor(p.personId);
      // Monday is still week 1, which was sent on Sunday, so the next prompt is the Monday of week 2.
      expect(pending.map((r) => [r.kind, r.programWeek, r.dueAt.toISOString()])).toEqual([
        ['prompt', 2, '2026-12-15T00:00:00.000Z'],
      ]);
    });

    test('the in-process interval sends what is due and stops with the app', async () => {
      const fast = await startCheckInHarness({ CHECKIN_INTERVAL_MS: '20' }, database);
      try {
        const p = fast.person('interval');
        await p.enroll();
        fast.t.clock.set(SUNDAY_6PM);
        fast.t.app.scheduler.start();
        for (let waited = 0; p.received().length === 0 && waited < 5000; waited += 20)
          await new Promise((r) => setTimeout(r, 20));
        expect(p.received()).toHaveLength(1);
      } finally {
        await fast.stop();
      }
    });

    test('quiet hours: a prompt found during quiet hours waits until they end, then goes out', async () => {
      const p = h.person('quiet');
      await p.enroll('sunday 8:30 pm');
      const slot = new Date('2026-12-07T01:30:00Z'); // Sunday 8:30 pm EST
      const lateNight = new Date('2026-12-07T03:00:00Z'); // 10 pm: the server was busy or down
      const report = await h.t.app.runCheckIns(lateNight);
      expect(report).toMatchObject({ claimed: 1, deferred: 1, sent: 0 });
      expect(p.received()).toHaveLength(0);
      const [row] = await h.t.app.services.store.dueQueue.pendingFor(p.personId);
      expect(row.dueAt.toISOString()).toBe('2026-12-07T14:00:00.000Z'); // 9 am EST
      expect(row.slotAt.toISOString()).toBe(slot.toISOString());
      await h.t.app.runCheckIns(new Date('2026-12-07T13:59:00Z'));
      expect(p.received()).toHaveLength(0);
      await h.t.app.runCheckIns(new Date('2026-12-07T14:00:00Z'));
      expect(p.received()).toHaveLength(1);
    });
  });

  describe('channel failures', () => {
    let h: CheckInHarness;
    beforeEach(async () => {
      h = await startCheckInHarness({}, database);
    });
    afterEach(async () => h.stop());

    test.each([403, 404])('%i pauses that person’s check-ins, records why, and leaves others alone', async (status) => {
      const gone = h.person(`gone-${status}`);
      const fine = h.person(`fine-${status}`);
      await gone.enroll();
      await fine.enroll();
      h.channel.respondWith((r) => (r.conversationId === gone.conversationId ? { status } : undefined));
      const report = await h.t.app.runCheckIns(SUNDAY_6PM);
      expect(report).toMatchObject({ sent: 1, paused: 1 });
      const store = h.t.app.services.store;
      expect(await store.enrollments.get(gone.personId)).toMatchObject({
        status: 'paused',
        statusReason: `channel_${status}`,
      });
      expect(await store.dueQueue.pendingFor(gone.personId)).toEqual([]);
      expect(await store.dueQueue.attemptsFor(gone.personId)).toEqual([
        expect.objectContaining({ outcome: 'gone', statusCode: status }),
      ]);
      expect(fine.received()).toHaveLength(1);
      // One request only: nothing retried a refused send.
      expect(h.channel.requests.filter((r) => r.conversationId === gone.conversationId)).toHaveLength(1);
      // The person can turn them back on.
      h.channel.respondWith(undefined);
      h.t.clock.set(new Date(SUNDAY_6PM.getTime() + MINUTE));
      expect((await gone.chat('resume check-ins'))[0]).toBe(
        h.text('schedule.status.resumed', { date: 'Sunday, December 13 at 6:00 PM' }),
      );
    });

    test('a 500 or an unreachable channel retries with growing backoff, one request per attempt', async () => {
      const p = h.person('flaky');
      await p.enroll();
      let failures = 2;
      h.channel.respondWith(() => (failures-- > 0 ? { status: 500 } : undefined));
      const store = h.t.app.services.store;
      const dueAt = async () => (await store.dueQueue.pendingFor(p.personId))[0].dueAt.getTime();

      expect(await h.t.app.runCheckIns(SUNDAY_6PM)).toMatchObject({ retried: 1 });
      expect(await dueAt()).toBe(SUNDAY_6PM.getTime() + 30_000);
      expect(await h.t.app.runCheckIns(new Date(SUNDAY_6PM.getTime() + 30_000))).toMatchObject({ retried: 1 });
      expect(await dueAt()).toBe(SUNDAY_6PM.getTime() + 30_000 + 60_000);
      expect(await h.t.app.runCheckIns(new Date(SUNDAY_6PM.getTime() + 90_000))).toMatchObject({ sent: 1 });
      expect(h.channel.requests.map((r) => r.status)).toEqual([500, 500, 200]);
      expect((await store.dueQueue.attemptsFor(p.personId)).map((a) => a.outcome)).toEqual([
        'transient',
        'transient',
        'sent',
      ]);

      await h.channel.close();
      expect(await h.t.app.runCheckIns(NEXT_SUNDAY_6PM)).toMatchObject({ retried: 1 });
      expect((await store.dueQueue.attemptsFor(p.personId)).at(-1)).toEqual(
        expect.objectContaining({ outcome: 'transient', statusCode: undefined }),
      );
    });
  });

  describe('rate limits (one send at a time, so the order is known)', () => {
    let h: CheckInHarness;
    beforeEach(async () => {
      h = await startCheckInHarness({ CHECKIN_CONCURRENCY: '1' }, database);
    });
    afterEach(async () => h.stop());

    test('429 honours Retry-After: no further request to that channel until then, then everything goes out once', async () => {
      const first = h.person('limited-1');
      const second = h.person('limited-2');
      await first.enroll();
      await second.enroll();
      let refuse = true;
      h.channel.respondWith(() =>
        refuse ? ((refuse = false), { status: 429, headers: { 'Retry-After': '120' } }) : undefined,
      );

      const report = await h.t.app.runCheckIns(SUNDAY_6PM);
      expect(report).toMatchObject({ claimed: 2, sent: 0, rateLimited: 2 });
      // Exactly one request reached the channel: the SDK did not retry, and the second send waited.
      expect(h.channel.requests).toHaveLength(1);
      const retryAt = new Date(SUNDAY_6PM.getTime() + 120_000).toISOString();
      for (const p of [first, second]) {
        expect(
          (await h.t.app.services.store.dueQueue.pendingFor(p.personId))
            .find((r) => r.kind === 'prompt')
            ?.dueAt.toISOString(),
        ).toBe(retryAt);
      }
      expect((await h.t.app.runCheckIns(new Date(SUNDAY_6PM.getTime() + 119_000))).claimed).toBe(0);
      expect(await h.t.app.runCheckIns(new Date(retryAt))).toMatchObject({ sent: 2 });
      expect(first.received()).toHaveLength(1);
      expect(second.received()).toHaveLength(1);
    });
  });

  describe('server errors (one send at a time)', () => {
    let h: CheckInHarness;
    beforeEach(async () => {
      h = await startCheckInHarness({ CHECKIN_CONCURRENCY: '1' }, database);
    });
    afterEach(async () => h.stop());

    test('a 503 is one request, not the SDK retry loop: the send counts as transient and the due-queue retries it', async () => {
      const p = h.person('unavailable');
      await p.enroll();
      let refuse = true;
      h.channel.respondWith(() => (refuse ? ((refuse = false), { status: 503 }) : undefined));

      const started = Date.now();
      const report = await h.t.app.runCheckIns(SUNDAY_6PM);
      expect(report).toMatchObject({ claimed: 1, sent: 0, retried: 1 });
      expect(h.channel.requests).toHaveLength(1);
      // The SDK's policy would have waited about a second before its first retry.
      expect(Date.now() - started).toBeLessThan(900);
      const retryAt = (await h.t.app.services.store.dueQueue.pendingFor(p.personId)).find(
        (r) => r.kind === 'prompt',
      )!.dueAt;
      expect(retryAt.getTime()).toBeGreaterThan(SUNDAY_6PM.getTime());
      expect(await h.t.app.runCheckIns(retryAt)).toMatchObject({ sent: 1 });
      expect(p.received()).toHaveLength(1);
    });
  });

  describe('a crash between claim and send', () => {
    let h: CheckInHarness;
    const LEASE = 300_000;
    beforeEach(async () => {
      h = await startCheckInHarness({ CHECKIN_LEASE_MS: String(LEASE) }, database);
    });
    afterEach(async () => h.stop());

    test('a claimed row that was never sent goes out once after the lease runs out', async () => {
      const p = h.person('claimed');
      await p.enroll();
      const { claimed } = await h.t.app.services.store.dueQueue.claim(SUNDAY_6PM, 10, LEASE); // then the process "dies"
      expect(claimed).toHaveLength(1);
      expect((await h.t.app.runCheckIns(new Date(SUNDAY_6PM.getTime() + LEASE - 1000))).claimed).toBe(0);
      expect(await h.t.app.runCheckIns(new Date(SUNDAY_6PM.getTime() + LEASE))).toMatchObject({ claimed: 1, sent: 1 });
      expect(p.received()).toHaveLength(1);
    });

    test('claimed by two processes that both died before sending: not given up, it goes out once', async () => {
      const p = h.person('claimed-twice');
      await p.enroll();
      const queue = h.t.app.services.store.dueQueue;
      expect((await queue.claim(SUNDAY_6PM, 10, LEASE)).claimed).toHaveLength(1); // the process dies
      expect((await queue.claim(new Date(SUNDAY_6PM.getTime() + LEASE), 10, LEASE)).claimed).toHaveLength(1); // and its successor too
      expect(await h.t.app.runCheckIns(new Date(SUNDAY_6PM.getTime() + 2 * LEASE))).toMatchObject({
        abandoned: 0,
        claimed: 1,
        sent: 1,
      });
      expect(p.received().map((r) => r.activity.channelData?.idempotencyKey)).toEqual([`checkin:${p.personId}:week-1`]);
    });

    test('sent but not recorded: at most one duplicate, carrying the same idempotency key, then never again', async () => {
      const p = h.person('crash');
      await p.enroll();
      const queue = h.t.app.services.store.dueQueue;
      const finish = jest.spyOn(queue, 'apply').mockRejectedValueOnce(new Error('process died before recording'));
      await h.t.app.runCheckIns(SUNDAY_6PM);
      expect(p.received()).toHaveLength(1);
      // Dies again after the resend, too: the row is then given up rather than sent a third time.
      finish.mockRejectedValueOnce(new Error('died again'));
      await h.t.app.runCheckIns(new Date(SUNDAY_6PM.getTime() + LEASE));
      const report = await h.t.app.runCheckIns(new Date(SUNDAY_6PM.getTime() + 2 * LEASE));
      expect(report.abandoned).toBe(1);
      await h.t.app.runCheckIns(new Date(SUNDAY_6PM.getTime() + 3 * LEASE));

      const keys = p.received().map((r) => r.activity.channelData?.idempotencyKey);
      expect(keys).toEqual([`checkin:${p.personId}:week-1`, `checkin:${p.personId}:week-1`]);
      // Next week's prompt was still queued.
      expect((await queue.pendingFor(p.personId)).map((r) => [r.kind, r.programWeek])).toEqual([['prompt', 2]]);
    });
  });
});
