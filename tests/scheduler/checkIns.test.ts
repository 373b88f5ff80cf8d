import { formatDateTime } from '../../src/features/checkins/format';
import { describeEachDatabaseKind } from '../support/databases';
import { type CheckInHarness, startCheckInHarness } from './support';

const SUNDAY_6PM = new Date('2026-12-06T23:00:00Z'); // America/New_York, EST
const NEXT_SUNDAY_6PM = new Date('2026-12-13T23:00:00Z');

describeEachDatabaseKind('check-in enrollment', (database) => {
  describe('enrolling in weekly check-ins', () => {
    let h: CheckInHarness;
    beforeEach(async () => {
      h = await startCheckInHarness({}, database);
    });
    afterEach(async () => h.stop());

    test('check-ins on: day and time as free text, zone asked, confirmed with the first date; one prompt queued', async () => {
      const p = h.person('enroll-a');
      await p.chat('hi');
      const askDay = await p.chat('check-ins on');
      expect(askDay).toEqual([h.text('schedule.enroll.intro'), h.text('schedule.enroll.askDay')]);
      expect(await p.chat('sunday 6pm')).toEqual([h.text('schedule.enroll.askZone')]);
      expect(await p.chat('Mars time')).toEqual([h.text('schedule.enroll.retryZone')]);
      const done = await p.chat('Eastern');
      const date = formatDateTime(SUNDAY_6PM, 'America/New_York', 'en');
      expect(date).toBe('Sunday, December 6 at 6:00 PM');
      expect(done[0]).toBe(
        h.text('schedule.enroll.done', { day: 'Sunday', time: '6:00 PM', zone: 'America/New_York', date }),
      );
      expect(done[1]).toBe(h.text('schedule.enroll.howToChange'));
      expect(done[2]).toBe(h.text('menu.prompt'));

      const store = h.t.app.services.store;
      expect(await store.enrollments.get(p.personId)).toMatchObject({
        weekday: 0,
        localTime: '18:00',
        timeZone: 'America/New_York',
        status: 'active',
        quietStart: '21:00',
        quietEnd: '09:00',
      });
      const pending = await store.dueQueue.pendingFor(p.personId);
      expect(pending.map((r) => [r.kind, r.programWeek, r.dueAt.toISOString()])).toEqual([
        ['prompt', 1, SUNDAY_6PM.toISOString()],
      ]);
      expect(await store.conversationRefs.get(p.personId, 'test')).toMatchObject({
        serviceUrl: h.channel.serviceUrl,
        conversation: { id: p.conversationId },
      });
    });

    test('buttons: a day, then a time button; the zone comes from the channel when it says so', async () => {
      const p = h.person('enroll-b', { localTimezone: 'America/Chicago' });
      await p.chat('hi');
      await p.chat('Weekly check-ins');
      expect(await p.chat('Wednesday')).toEqual([h.text('schedule.enroll.askTime', { day: 'Wednesday' })]);
      const done = await p.chat('12 noon');
      expect(done[0]).toContain('America/Chicago');
      expect(await h.t.app.services.store.enrollments.get(p.personId)).toMatchObject({
        weekday: 3,
        localTime: '12:00',
        timeZone: 'America/Chicago',
      });
    });

    test('a Teams-style clientInfo entity gives the zone; a typed IANA zone works too', async () => {
      const teams = h.person('enroll-c', { entities: [{ type: 'clientInfo', timezone: 'Europe/Berlin' }] });
      await teams.chat('hi');
      await teams.chat('check-ins on');
      const done = await teams.chat('friday 7:30 pm');
      expect(done[0]).toContain('Europe/Berlin');
      expect(await h.t.app.services.store.enrollments.get(teams.personId)).toMatchObject({
        weekday: 5,
        localTime: '19:30',
        timeZone: 'Europe/Berlin',
      });
      const typed = h.person('enroll-d');
      await typed.chat('hi');
      await typed.chat('check-ins on');
      await typed.chat('monday at 10am');
      expect((await typed.chat('europe/london'))[0]).toContain('Europe/London');
    });

    test('a time inside quiet hours is refused with the reason, then a good time is accepted', async () => {
      const p = h.person('enroll-quiet');
      await p.chat('hi');
      await p.chat('check-ins on');
      const quiet = h.text('schedule.enroll.quiet', { start: '9:00 PM', end: '9:00 AM' });
      expect(await p.chat('tuesday 11pm')).toEqual([quiet, h.text('schedule.enroll.askTime', { day: 'Tuesday' })]);
      expect(await p.chat('6:30 am')).toEqual([quiet]);
      expect(await p.chat('half past never')).toEqual([h.text('schedule.enroll.retryTime')]);
      expect(await p.chat('8:15 pm')).toEqual([h.text('schedule.enroll.askZone')]);
    });

    test('"later" during set-up changes nothing', async () => {
      const p = h.person('enroll-later');
      await p.chat('hi');
      await p.chat('check-ins on');
      expect(await p.chat('later')).toEqual([h.text('schedule.enroll.cancelled'), h.text('menu.prompt')]);
      expect(await h.t.app.services.store.enrollments.get(p.personId)).toBeUndefined();
    });
  });

  describe('pause, resume and stop', () => {
    let h: CheckInHarness;
    beforeEach(async () => {
      h = await startCheckInHarness({}, database);
    });
    afterEach(async () => h.stop());

    test('each is confirmed and takes effect on the queue; nothing is sent while paused or stopped', async () => {
      const p = h.person('pause');
      await p.enroll();
      const store = h.t.app.services.store;

      expect(await p.chat('pause check-ins')).toEqual([h.text('schedule.status.paused'), h.text('menu.prompt')]);
      expect(await p.chat('pause check-ins')).toEqual([h.text('schedule.status.alreadyPaused'), h.text('menu.prompt')]);
      expect(await store.dueQueue.pendingFor(p.personId)).toEqual([]);
      await h.t.app.runCheckIns(SUNDAY_6PM);
      expect(p.received()).toHaveLength(0);

      const date = formatDateTime(NEXT_SUNDAY_6PM, 'America/New_York', 'en');
      h.t.clock.set('2026-12-07T12:00:00Z');
      expect(await p.chat('resume check-ins')).toEqual([
        h.text('schedule.status.resumed', { date }),
        h.text('menu.prompt'),
      ]);
      expect(await p.chat('Resume check-ins!')).toEqual([
        h.text('schedule.status.alreadyActive', { date }),
        h.text('menu.prompt'),
      ]);

      expect(await p.chat('stop check-ins')).toEqual([h.text('schedule.status.stopped'), h.text('menu.prompt')]);
      expect(await p.chat('resume check-ins')).toEqual([h.text('schedule.status.wasStopped'), h.text('menu.prompt')]);
      await h.t.app.runCheckIns(NEXT_SUNDAY_6PM);
      expect(p.received()).toHaveLength(0);
      expect(await store.enrollments.get(p.personId)).toMatchObject({ status: 'stopped', statusReason: 'person' });
    });

    test('someone never enrolled is told how to start', async () => {
      const p = h.person('never');
      await p.chat('hi');
      expect(await p.chat('pause check-ins')).toEqual([h.text('schedule.status.notEnrolled'), h.text('menu.prompt')]);
      expect(await p.chat('stop check-ins')).toEqual([h.text('schedule.status.notEnrolled'), h.text('menu.prompt')]);
    });
  });
});
