import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { grantConsent, messageActivity, postActivity } from '../support/app';
import { type CheckInHarness, startCheckInHarness } from './support';

const WEEK1 = new Date('2026-12-06T23:00:00Z'); // Sunday 6 pm EST
const WEEK2 = new Date('2026-12-13T23:00:00Z');
const MINUTE = 60_000;

describe('the check-in conversation', () => {
  let h: CheckInHarness;
  beforeEach(async () => {
    h = await startCheckInHarness();
  });
  afterEach(async () => h.stop());

  test('two weekly check-ins; the dose rises by a quarter, so the hand-off card follows; progress shows both weeks', async () => {
    const p = h.person('full');
    await p.enroll();
    const store = h.t.app.services.store;

    await h.t.app.runCheckIns(WEEK1);
    h.t.clock.set(new Date(WEEK1.getTime() + 2 * MINUTE));
    expect(await p.chat('Start check-in')).toEqual([h.text('checkin.intro'), h.text('checkin.daysUsed.ask')]);
    expect(await p.chat('every day')).toEqual([h.text('checkin.amount.ask')]);
    expect(await p.chat('two spoons')).toEqual([h.text('checkin.amount.retry')]);
    expect(await p.chat('8 g')).toEqual([h.text('checkin.form.ask')]);
    expect(await p.chat('Leaf powder or capsules')).toEqual([h.text('checkin.cravings.ask')]);
    expect(await p.chat('7')).toEqual([h.text('checkin.symptoms.ask')]);
    expect(await p.chat('mild')).toEqual([h.text('checkin.sleep.ask')]);
    expect(await p.chat('skip')).toEqual([h.text('checkin.mood.ask')]);
    expect(await p.chat('Okay')).toEqual([h.text('checkin.confidence.ask')]);
    expect(await p.chat('6')).toEqual([h.text('checkin.confidenceStep.ask', { score: 6 })]);
    expect(await p.chat('A walk after work every day')).toEqual([
      h.text('checkin.confidenceStep.thanks'),
      h.text('checkin.support.ask'),
    ]);
    expect(await p.chat('family')).toEqual([
      h.text('checkin.done'),
      h.text('checkin.progressHint'),
      h.text('menu.prompt'),
    ]);

    const [week1] = await store.checkIns.listFor(p.personId);
    expect(week1).toMatchObject({
      programWeek: 1,
      daysUsed: 7,
      gramsPerDay: 8,
      form: 'leaf',
      cravings: 7,
      symptoms: 'mild',
      sleep: null,
      mood: 'okay',
      confidence: 6,
      confidenceStep: 'A walk after work every day',
      support: 'people',
      handoff: false,
    });

    await h.t.app.runCheckIns(WEEK2);
    const prompts = p.received().map((r) => r.activity.text);
    expect(prompts).toEqual([
      h.text('schedule.invitation.prompt', { week: 1 }),
      h.text('schedule.invitation.prompt', { week: 2 }),
    ]);
    h.t.clock.set(new Date(WEEK2.getTime() + 2 * MINUTE));
    await p.chat('yes');
    for (const answer of ['6', '10', 'leaf', '5', 'none', 'well', 'good', '10']) await p.chat(answer);
    const end = await p.chat('a group');
    expect(end).toEqual([
      h.text('checkin.done'),
      h.text('checkin.review.handoffIntro'),
      h.text('checkin.review.doseUpQuarter'),
      h.text('resources.handoff.intro'),
      h.text('checkin.review.seekCare'),
      h.text('checkin.progressHint'),
      h.text('menu.prompt'),
    ]);
    const week2 = await store.checkIns.latestFor(p.personId);
    expect(week2).toMatchObject({
      programWeek: 2,
      gramsPerDay: 10,
      handoff: true,
      reasons: ['doseUpQuarter'],
      confidenceStep: null,
    });
    expect(h.t.logs.text).toContain('check-in saved');
    expect(h.t.logs.text).not.toContain('A walk after work');
    expect(h.t.logs.text).not.toMatch(/"gramsPerDay"|8 g|two spoons/);

    const { replies } = await postActivity(
      h.t.baseUrl,
      messageActivity('progress', { conversationId: p.conversationId, userId: p.id, serviceUrl: h.channel.serviceUrl }),
    );
    const [view] = replies;
    expect(view.text!.split('\n')).toEqual([
      h.text('progress.programWeek', { week: 2 }),
      h.text('progress.intro'),
      h.text('progress.line', {
        week: 1,
        days: h.text('progress.days', { days: 7 }),
        amount: h.text('progress.amount', { grams: 8 }),
        cravings: h.text('progress.cravings', { cravings: 7 }),
      }),
      h.text('progress.line', {
        week: 2,
        days: h.text('progress.days', { days: 6 }),
        amount: h.text('progress.amount', { grams: 10 }),
        cravings: h.text('progress.cravings', { cravings: 5 }),
      }),
      h.text('progress.trend.up', { from: 8, to: 10, fromWeek: 1, toWeek: 2 }),
    ]);
    const [attachment] = view.attachments!;
    expect(attachment.contentType).toBe('image/png');
    expect(attachment.name).toBe(h.text('progress.chart.altText'));
    const png = Buffer.from(attachment.contentUrl!.replace(/^data:image\/png;base64,/, ''), 'base64');
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([720, 480]);
  });

  test('a new 7-OH product and severe symptoms lead to the hand-off; a very low mood adds the 988 line', async () => {
    const p = h.person('sevenoh');
    await p.chat('hi');
    expect(await p.chat('check in')).toEqual([h.text('checkin.intro'), h.text('checkin.daysUsed.ask')]);
    for (const answer of ['3 days', '2', '7-OH product', 'skip', 'Severe', 'poor', 'very low', '10'])
      await p.chat(answer);
    const end = await p.chat('No one yet');
    expect(end).toEqual([
      h.text('checkin.done'),
      h.text('checkin.review.handoffIntro'),
      h.text('checkin.review.newSevenOh'),
      h.text('checkin.review.severeSymptoms'),
      h.text('resources.handoff.intro'),
      h.text('checkin.review.seekCare'),
      h.text('checkin.review.veryLowMood'),
      h.text('checkin.progressHint'),
      h.text('menu.prompt'),
    ]);
  });

  test('"stop" inside a check-in stops the check-ins and says so; "later" keeps them', async () => {
    const p = h.person('stop-inside');
    await p.enroll();
    await h.t.app.runCheckIns(WEEK1);
    await p.chat('start');
    expect(await p.chat('later')).toEqual([h.text('checkin.later'), h.text('menu.prompt')]);
    expect((await h.t.app.services.store.enrollments.get(p.personId))?.status).toBe('active');
    await p.chat('check in');
    expect(await p.chat('stop')).toEqual([h.text('schedule.status.stopped'), h.text('menu.prompt')]);
    expect((await h.t.app.services.store.enrollments.get(p.personId))?.status).toBe('stopped');
    expect(await p.chat('progress')).toEqual([h.text('progress.none'), h.text('menu.prompt')]);
  });

  test('an unfinished check-in is replaced by next week’s prompt, and answers go to the new week', async () => {
    const p = h.person('unfinished');
    await p.enroll();
    await h.t.app.runCheckIns(WEEK1);
    await p.chat('start');
    await p.chat('4');
    await h.t.app.runCheckIns(WEEK2);
    await p.chat('start');
    for (const answer of ['0', '2', 'none', 'well', 'good', '9', 'skip']) await p.chat(answer);
    expect(await p.chat('skip')).toContain(h.text('checkin.done'));
    const records = await h.t.app.services.store.checkIns.listFor(p.personId);
    expect(records.map((r) => [r.programWeek, r.daysUsed, r.gramsPerDay, r.form])).toEqual([[2, 0, 0, null]]);
  });
});

describe('personal data and conversation references', () => {
  let h: CheckInHarness;
  beforeEach(async () => {
    h = await startCheckInHarness();
  });
  afterEach(async () => h.stop());

  test('the reference follows a moved service URL; everything about a person exports and deletes', async () => {
    const p = h.person('data');
    await p.enroll();
    const store = h.t.app.services.store;
    await postActivity(
      h.t.baseUrl,
      messageActivity('help', {
        conversationId: p.conversationId,
        userId: p.id,
        serviceUrl: 'http://127.0.0.1:7/moved/',
      }),
    );
    expect(await store.conversationRefs.get(p.personId, 'test')).toMatchObject({
      serviceUrl: 'http://127.0.0.1:7/moved/',
    });
    await p.chat('help');
    await h.t.app.runCheckIns(WEEK1);
    await p.chat('check in');
    await p.chat('skip');
    for (let i = 0; i < 9; i++) await p.chat('skip');

    const owners = [store.conversationRefs, store.enrollments, store.dueQueue, store.checkIns];
    const exported = Object.fromEntries(
      await Promise.all(owners.map(async (o) => [o.name, await o.exportFor(p.personId)] as const)),
    );
    expect(exported.conversation_refs).toEqual([expect.objectContaining({ channelId: 'test' })]);
    expect(exported.checkin_enrollments).toMatchObject({ timeZone: 'America/New_York' });
    expect((exported.checkin_due as { due: unknown[]; attempts: unknown[] }).attempts).toHaveLength(1);
    expect(exported.checkin_answers).toHaveLength(1);

    const other = h.person('other');
    await other.enroll();
    for (const owner of owners) await owner.deleteFor(p.personId);
    expect(await Promise.all(owners.map((o) => o.exportFor(p.personId)))).toEqual([
      [],
      null,
      { due: [], attempts: [] },
      [],
    ]);
    expect(await store.enrollments.get(other.personId)).toBeDefined();
    expect(await store.conversationRefs.get(other.personId, 'test')).toBeDefined();
  });

  test('the stored reference: a conversation stores it once; a moved service URL or another conversation stores it again; deleting their data starts over', async () => {
    const p = h.person('fingerprint');
    const store = h.t.app.services.store;
    const stored = () => store.conversationRefs.get(p.personId, 'test');
    const turnIn = (conversationId: string, serviceUrl = h.channel.serviceUrl) =>
      postActivity(h.t.baseUrl, messageActivity('help', { conversationId, userId: p.id, serviceUrl }));

    await p.chat('hi');
    expect(await stored()).toMatchObject({ conversation: { id: p.conversationId }, serviceUrl: h.channel.serviceUrl });
    // Taken away behind the bot's back: later turns of the same conversation know it as stored and do not look.
    await store.conversationRefs.deleteFor(p.personId);
    await p.chat('help');
    expect(await stored()).toBeUndefined();

    await turnIn(p.conversationId, 'http://127.0.0.1:7/moved/');
    expect(await stored()).toMatchObject({
      conversation: { id: p.conversationId },
      serviceUrl: 'http://127.0.0.1:7/moved/',
    });
    await turnIn('fingerprint-second');
    expect(await stored()).toMatchObject({ conversation: { id: 'fingerprint-second' } });
    await turnIn(p.conversationId);
    expect(await stored()).toMatchObject({ conversation: { id: p.conversationId }, serviceUrl: h.channel.serviceUrl });

    await p.chat('delete my data');
    // The confirmation, then the steady.dataDeleted event (no text) that tells a web page to start fresh.
    expect((await p.chat('yes')).filter((text) => text !== '')).toEqual([h.text('privacy.delete.done')]);
    expect(await stored()).toBeUndefined();
    await grantConsent(h.t, p.personId);
    await p.chat('hi');
    expect(await stored()).toMatchObject({ conversation: { id: p.conversationId } });
  });
});

describe('npm run checkins -- --at <instant>', () => {
  /** Runs the operator command as its own process (asynchronously: the fake channel lives in this one). */
  const runCli = (dbFile: string, ...args: string[]) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(
        process.execPath,
        ['--disable-warning=DEP0111', '--import', 'tsx', join(__dirname, '../../src/cli/checkins.ts'), ...args],
        {
          cwd: join(__dirname, '../..'),
          env: { PATH: process.env.PATH, DATABASE_URL: `sqlite:${dbFile}`, CHECKIN_SENDS_PER_SECOND: '0' },
        },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      child.on('exit', (status) => resolve({ status, stdout, stderr }));
    });

  test('runs what is due at that instant once, prints counts, and exits', async () => {
    const h = await startCheckInHarness();
    const p = h.person('cli');
    await p.enroll();
    await h.t.stop({ keepFiles: true });
    try {
      const due = await runCli(h.t.dbFile, '--at', '2026-12-06T23:00:00Z');
      expect(due.status).toBe(0);
      expect(JSON.parse(due.stdout)).toMatchObject({ at: '2026-12-06T23:00:00.000Z', claimed: 1, sent: 1 });
      expect(p.received().map((r) => r.activity.channelData?.idempotencyKey)).toEqual([`checkin:${p.personId}:week-1`]);
    } finally {
      await h.channel.close();
    }
  });
});
