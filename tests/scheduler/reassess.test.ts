import type { Activity } from 'botbuilder';
import type { IntakeAnswers } from '../../src/features/intake/answers';
import { messageActivity, postActivity } from '../support/app';
import { describeEachDatabaseKind } from '../support/databases';
import { cardsIn } from '../support/intake';
import { type CheckInHarness, type Person, startCheckInHarness } from './support';

const WEEK = 7 * 24 * 60 * 60_000;
const SKIP_ALL = Array<string>(9).fill('skip');
/** Every day, the grams, leaf; then cravings, symptoms, sleep, mood, confidence 10 (no follow-up), support. */
const leafWeek = (grams: number) => ['7', String(grams), 'leaf', '5', 'mild', 'well', 'okay', '10', 'family'];

const leafIntake = (grams: number): IntakeAnswers => ({
  products: ['leaf'],
  startedAgo: { kind: 'months', months: 8, assumptions: [] },
  currentDose: { kind: 'amount', amount: grams, unit: 'g', assumptions: [] },
  substances: [],
  goal: 'cutDown',
  zip: '10001',
});

/**
 * The weekly check-in re-assesses the intake's risk picture when the answers change it, and the hand-off
 * card goes out exactly when the review or the current assessment says so: once per check-in.
 */
describeEachDatabaseKind('check-ins re-assess the risk and offer the hand-off again', (database) => {
  let h: CheckInHarness;
  beforeEach(async () => {
    h = await startCheckInHarness({}, database);
  });
  afterEach(async () => h.stop());

  const store = () => h.t.app.services.store;
  const assessments = async (p: Person) =>
    (await store().intake.exportFor(p.personId)).assessments.map((a) => ({
      trigger: a.trigger,
      handoff: a.assessment.handoff,
      tier: a.assessment.tier,
    }));
  const reasonLine = (ruleId: string, vars?: Record<string, string | number>) =>
    h.text('intake.result.reasonLine', { reason: h.text(`risk.reasons.${ruleId}`, vars) });
  const started = (...lines: string[]) => [h.text('checkin.plan.started'), ...lines].join('\n');

  async function withIntake(id: string, answers: IntakeAnswers): Promise<Person> {
    const p = h.person(id);
    await p.chat('hi');
    await h.t.app.intake.complete(p.personId, answers);
    h.t.clock.advance(WEEK);
    return p;
  }

  /** A whole check-in started with "check in"; returns every activity of the last turn (cards too). A week passes after it. */
  async function checkIn(
    p: Person,
    answers: string[],
  ): Promise<{ texts: string[]; cards: unknown[]; replies: Partial<Activity>[] }> {
    await p.chat('check in');
    for (const answer of answers.slice(0, -1)) await p.chat(answer);
    const { status, replies } = await postActivity(
      h.t.baseUrl,
      messageActivity(answers[answers.length - 1], {
        conversationId: p.conversationId,
        userId: p.id,
        serviceUrl: h.channel.serviceUrl,
      }),
    );
    expect(status).toBe(200);
    h.t.clock.advance(WEEK);
    return { texts: replies.map((r) => r.text ?? ''), cards: cardsIn(replies), replies };
  }

  test('leaf 6 g, then 16 g: a new assessment hands off with why and one card; the same next week is a reminder; 4 g ends it', async () => {
    const p = await withIntake('rising', leafIntake(6));
    expect(await assessments(p)).toEqual([{ trigger: 'intake', handoff: false, tier: 'slowEscalation' }]);

    const up = await checkIn(p, leafWeek(16));
    expect(up.texts).toEqual([
      h.text('checkin.done'),
      started(reasonLine('highDose', { threshold: 15 })),
      h.text('resources.handoff.intro'),
      h.text('checkin.progressHint'),
      h.text('menu.prompt'),
    ]);
    expect(up.cards).toHaveLength(1);
    expect((up.cards[0] as { content: { actions: { url: string }[] } }).content.actions[0].url).toBe(
      'https://findtreatment.gov/locator?sAddr=10001',
    );
    expect(await assessments(p)).toEqual([
      { trigger: 'intake', handoff: false, tier: 'slowEscalation' },
      { trigger: 'checkin', handoff: true, tier: 'highDose' },
    ]);
    const latest = await h.t.app.intake.latest(p.personId);
    expect(latest?.profile).toMatchObject({
      products: ['leaf'],
      currentDose: { kind: 'amount', amount: 16, unit: 'g' },
      otherSubstances: [],
    });
    expect(latest?.profile.monthsOfUse).toBe(8.2); // a week after the intake

    // The same picture a week later: no new assessment, the card again after a short reminder.
    const same = await checkIn(p, leafWeek(16));
    expect(same.texts).toEqual([
      h.text('checkin.done'),
      h.text('checkin.plan.reminder'),
      h.text('resources.handoff.intro'),
      h.text('checkin.progressHint'),
      h.text('menu.prompt'),
    ]);
    expect(same.cards).toHaveLength(1);
    expect(await assessments(p)).toHaveLength(2);

    // 4 g: re-assessed below the line; the card is no longer offered, and the stored assessment says so.
    const down = await checkIn(p, leafWeek(4));
    expect(down.texts).toEqual([
      h.text('checkin.done'),
      h.text('checkin.plan.ended'),
      h.text('checkin.progressHint'),
      h.text('menu.prompt'),
    ]);
    expect(down.cards).toHaveLength(0);
    expect((await assessments(p))[2]).toEqual({ trigger: 'checkin', handoff: false, tier: 'slowEscalation' });
    expect(await h.t.app.intake.handoffOffer(p.personId)).toBeUndefined();

    const steady = await checkIn(p, leafWeek(4));
    expect(steady.texts).toEqual([h.text('checkin.done'), h.text('checkin.progressHint'), h.text('menu.prompt')]);
    expect(steady.cards).toHaveLength(0);
    expect(await assessments(p)).toHaveLength(3);

    expect(h.t.logs.text).toContain('risk reassessed');
    expect(h.t.logs.text).not.toMatch(/10001|"gramsPerDay"|16 g/);
  });

  test('an intake that already handed off: the card at every check-in, even one with every answer skipped', async () => {
    const p = await withIntake('raised', leafIntake(12));
    for (const answers of [leafWeek(12), SKIP_ALL]) {
      const week = await checkIn(p, answers);
      expect(week.texts).toEqual([
        h.text('checkin.done'),
        h.text('checkin.plan.reminder'),
        h.text('resources.handoff.intro'),
        h.text('checkin.progressHint'),
        h.text('menu.prompt'),
      ]);
      expect(week.cards).toHaveLength(1);
    }
    expect(await assessments(p)).toEqual([{ trigger: 'intake', handoff: true, tier: 'raisedDose' }]);
  });

  test('a 7-OH product at a check-in: the review and the rules both say why, one card, and a week of leaf keeps it', async () => {
    const p = await withIntake('seven-oh', leafIntake(6));
    const first = await checkIn(p, ['3 days', '2', '7-OH product', 'skip', 'none', 'well', 'good', '10', 'family']);
    expect(first.texts).toEqual([
      h.text('checkin.done'),
      h.text('checkin.review.handoffIntro'),
      h.text('checkin.review.newSevenOh'),
      started(reasonLine('sevenOh')),
      h.text('resources.handoff.intro'),
      h.text('checkin.review.seekCare'),
      h.text('checkin.progressHint'),
      h.text('menu.prompt'),
    ]);
    expect(first.cards).toHaveLength(1);
    expect(await assessments(p)).toEqual([
      { trigger: 'intake', handoff: false, tier: 'slowEscalation' },
      { trigger: 'checkin', handoff: true, tier: 'sevenOh' },
    ]);

    // Mostly leaf the next week does not show the 7-OH stopped: the profile keeps it, the card comes again.
    const leafNext = await checkIn(p, ['7', '2', 'leaf', '4', 'mild', 'well', 'okay', '10', 'family']);
    expect(leafNext.texts).toEqual([
      h.text('checkin.done'),
      h.text('checkin.plan.reminder'),
      h.text('resources.handoff.intro'),
      h.text('checkin.progressHint'),
      h.text('menu.prompt'),
    ]);
    expect(leafNext.cards).toHaveLength(1);
    expect(await assessments(p)).toHaveLength(2);
    expect((await h.t.app.intake.latest(p.personId))?.profile.products).toEqual(['leaf', 'sevenOh']);
  });

  test('a check-in with every answer skipped changes nothing: no assessment, no card', async () => {
    const p = await withIntake('skipper', leafIntake(6));
    const week = await checkIn(p, SKIP_ALL);
    expect(week.texts).toEqual([h.text('checkin.done'), h.text('checkin.progressHint'), h.text('menu.prompt')]);
    expect(week.cards).toHaveLength(0);
    expect(await assessments(p)).toHaveLength(1);
    const [record] = await store().checkIns.listFor(p.personId);
    expect(record).toMatchObject({ daysUsed: null, gramsPerDay: null, form: null, handoff: false });
  });

  test('no intake: the review alone decides, the card has no ZIP, and no assessment is made', async () => {
    const p = h.person('no-intake');
    await p.chat('hi');
    const calm = await checkIn(p, leafWeek(20));
    expect(calm.cards).toHaveLength(0);
    expect(calm.texts).toEqual([h.text('checkin.done'), h.text('checkin.progressHint'), h.text('menu.prompt')]);
    const severe = await checkIn(p, ['7', '20', 'leaf', '5', 'severe', 'poor', 'okay', '10', 'family']);
    expect(severe.cards).toHaveLength(1);
    expect((severe.cards[0] as { content: { actions: { url: string }[] } }).content.actions[0].url).toBe(
      'https://findtreatment.gov',
    );
    expect(severe.texts).toEqual([
      h.text('checkin.done'),
      h.text('checkin.review.handoffIntro'),
      h.text('checkin.review.severeSymptoms'),
      h.text('resources.handoff.intro'),
      h.text('checkin.review.seekCare'),
      h.text('checkin.progressHint'),
      h.text('menu.prompt'),
    ]);
    expect(await h.t.app.intake.latest(p.personId)).toBeUndefined();
  });

  test('a return after a week off: the lowered-tolerance warning and the card; stronger with extracts; amounts in shots', async () => {
    const p = await withIntake('break', leafIntake(6));
    const weekOff = ['0', '5', 'mild', 'well', 'okay', '10', 'family'];
    const off = await checkIn(p, weekOff);
    expect(off.texts).not.toContain(h.text('checkin.review.returnAfterBreak'));
    expect(off.cards).toHaveLength(0);

    // Back on, on extract shots: counted in shots, the warning first, the stronger line, one card.
    await p.chat('check in');
    await p.chat('3');
    expect(await p.chat('2 shots')).toEqual([h.text('checkin.form.ask')]);
    for (const answer of ['extract', '6', 'mild', 'well', 'okay', '10']) await p.chat(answer);
    const { replies } = await postActivity(
      h.t.baseUrl,
      messageActivity('family', { conversationId: p.conversationId, userId: p.id, serviceUrl: h.channel.serviceUrl }),
    );
    const texts = replies.map((r) => r.text ?? '');
    expect(texts.slice(0, 5)).toEqual([
      h.text('checkin.done'),
      h.text('checkin.review.handoffIntro'),
      h.text('checkin.review.returnAfterBreak'),
      h.text('checkin.review.returnAfterBreakStronger'),
      h.text('checkin.review.newExtract'),
    ]);
    expect(cardsIn(replies)).toHaveLength(1);
    expect(texts).toContain(h.text('checkin.review.seekCare'));
    const saved = await store().checkIns.latestFor(p.personId);
    expect(saved).toMatchObject({
      daysUsed: 3,
      gramsPerDay: null,
      unitsPerDay: 2,
      unit: 'shot',
      form: 'extract',
      handoff: true,
    });
    expect((await h.t.app.intake.latest(p.personId))?.profile).toMatchObject({
      products: ['leaf', 'extract'],
      currentDose: { kind: 'amount', amount: 2, unit: 'shot' },
    });
    // The weeks so far show the amount as given, not as skipped.
    const progress = (await p.chat('progress')).join('\n');
    expect(progress).toContain(h.text('progress.amountInUnits', { amount: '2 shots' }));
  });

  test('leaf capsules in a check-in are weighed by their size; a return on leaf alone gets the warning without the stronger line', async () => {
    const p = await withIntake('capsules', leafIntake(6));
    await checkIn(p, ['0', '5', 'mild', 'well', 'okay', '10', 'family']);
    const back = await checkIn(p, ['2', '8 capsules', 'leaf', '6', 'mild', 'well', 'okay', '10', 'family']);
    expect(back.texts).toContain(h.text('checkin.review.returnAfterBreak'));
    expect(back.texts).not.toContain(h.text('checkin.review.returnAfterBreakStronger'));
    expect(back.cards).toHaveLength(1);
    expect(await store().checkIns.latestFor(p.personId)).toMatchObject({
      gramsPerDay: 4,
      unitsPerDay: null,
      unit: null,
      form: 'leaf',
    });
  });
});
