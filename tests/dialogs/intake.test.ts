import { RISK_RULES_VERSION } from '../../src/features/risk/rules';
import { startTestApp, type TestApp } from '../support/app';
import { buttonsOf, cardsIn, conversation, filesIn } from '../support/intake';

/** The whole intake over real HTTP with the real SQLite store: buttons, free text, corrections, skips, garbage. */
describe('intake conversation', () => {
  let t: TestApp;
  let c: (key: string, vars?: Record<string, string | number>) => string;
  const q = (id: string, value: string) => c(`intake.questions.${id}.choices.${value}`);
  const intro = () => [c('intake.intro.start'), c('intake.intro.how'), c('intake.intro.optional')].join(' ');

  beforeAll(async () => {
    t = await startTestApp();
    c = (key, vars) => t.app.services.content.text(key, vars);
  });
  afterAll(async () => t.stop());

  async function open(id: string, options: { channelId?: string } = {}) {
    const chat = conversation(t, id, options);
    await chat.say('hi');
    return chat;
  }

  test('with buttons all the way: no hand-off below the line, and the result offers what to do next', async () => {
    const chat = await open('buttons');
    const start = await chat.send(c('menu.options.intake'));
    expect(start.map((r) => r.text)).toEqual([intro(), c('intake.questions.products.prompt')]);
    expect(buttonsOf(start[1])).toEqual([
      q('products', 'leaf'),
      q('products', 'leafAndExtract'),
      q('products', 'extract'),
      q('products', 'sevenOh'),
    ]);

    const age = await chat.send(q('products', 'leaf'));
    expect(age.map((r) => r.text)).toEqual([c('intake.questions.age.prompt')]);
    expect(buttonsOf(age[0])).toEqual([q('age', 'under18'), q('age', 'adult'), c('intake.skip.label')]);
    expect(await chat.say(c('intake.skip.label'))).toEqual([
      c('intake.skip.done'),
      c('intake.questions.startedAgo.prompt'),
    ]);
    expect(await chat.say('dunno')).toEqual([c('intake.questions.startedAgo.unknown')]);
    expect(await chat.say(q('startedAgo', 'atLeast6Months'))).toEqual([c('intake.questions.startDose.prompt')]);
    expect(await chat.say("don't know")).toEqual([
      c('intake.questions.startDose.unknown'),
      c('intake.questions.currentDose.prompt'),
    ]);
    const bands = await chat.send('no idea');
    expect(bands.map((r) => r.text)).toEqual([c('intake.questions.currentDose.unknown')]);
    expect(buttonsOf(bands[0])).toContain(q('currentDose', 'under10'));
    expect(await chat.say(q('currentDose', 'under10'))).toEqual([c('intake.questions.timesPerDay.prompt')]);
    expect(await chat.say(q('timesPerDay', 'twice'))).toEqual([c('intake.questions.rotation.prompt')]);
    expect(await chat.say(q('rotation', 'no'))).toEqual([c('intake.questions.substances.prompt')]);
    const pregnancy = await chat.send(q('substances', 'none'));
    expect(pregnancy.map((r) => r.text)).toEqual([c('intake.questions.pregnant.prompt')]);
    expect(buttonsOf(pregnancy[0])).toEqual([q('pregnant', 'yes'), q('pregnant', 'no'), c('intake.skip.label')]);
    expect(await chat.say(c('intake.skip.label'))).toEqual([
      c('intake.skip.done'),
      c('intake.questions.earlierStop.prompt'),
    ]);
    expect(await chat.say(q('earlierStop', 'never'))).toEqual([c('intake.questions.goal.prompt')]);
    expect(await chat.say(q('goal', 'cutDown'))).toEqual([c('intake.questions.zip.prompt')]);
    const review = await chat.say(c('intake.skip.label'));
    expect(review[0]).toBe(c('intake.skip.done'));
    expect(review[1].split('\n')).toEqual([
      c('intake.review.intro'),
      c('intake.review.line', { label: c('intake.review.labels.products'), answer: c('intake.values.products.leaf') }),
      c('intake.review.line', { label: c('intake.review.labels.age'), answer: c('intake.values.skipped') }),
      c('intake.review.line', {
        label: c('intake.review.labels.startedAgo'),
        answer: c('intake.values.band.atLeast6Months'),
      }),
      c('intake.review.line', { label: c('intake.review.labels.startDose'), answer: c('intake.values.unknown') }),
      c('intake.review.line', {
        label: c('intake.review.labels.currentDose'),
        answer: c('intake.values.band.under10'),
      }),
      c('intake.review.line', { label: c('intake.review.labels.timesPerDay'), answer: '2' }),
      c('intake.review.line', { label: c('intake.review.labels.rotation'), answer: c('intake.values.no') }),
      c('intake.review.line', { label: c('intake.review.labels.substances'), answer: c('intake.values.none') }),
      c('intake.review.line', { label: c('intake.review.labels.pregnant'), answer: c('intake.values.skipped') }),
      c('intake.review.line', {
        label: c('intake.review.labels.earlierStop'),
        answer: c('intake.values.earlierStop.never'),
      }),
      c('intake.review.line', { label: c('intake.review.labels.goal'), answer: c('intake.values.goal.cutDown') }),
      c('intake.review.line', { label: c('intake.review.labels.zip'), answer: c('intake.values.skipped') }),
      c('intake.review.prompt'),
    ]);

    const result = await chat.send(c('intake.review.choices.ok'));
    const texts = result.map((r) => r.text);
    expect(texts[0]).toBe(
      [
        c('intake.result.intro'),
        c('intake.result.trajectory.currentOnly', { current: c('intake.values.band.under10') }),
        c('intake.result.times', { times: 2 }),
        c('risk.meaning.slowEscalation'),
      ].join(' '),
    );
    expect(texts[1]).toBe(
      [
        c('risk.approach.gradualTaper'),
        c('intake.result.why'),
        c('intake.result.reasonLine', { reason: c('risk.reasons.slowEscalation') }),
      ].join('\n'),
    );
    expect(texts).toContain(c('intake.result.rules', { version: RISK_RULES_VERSION }));
    expect(texts).not.toContain(c('resources.handoff.intro'));
    expect(cardsIn(chat.all)).toHaveLength(0);
    expect(texts[texts.length - 1]).toBe(c('intake.result.next'));
    expect(buttonsOf(result[result.length - 1])).toEqual([
      c('intake.result.choices.prescriber'),
      c('intake.result.learnMore.trajectory'),
      c('intake.result.learnMore.toleranceBasics'),
      c('intake.result.choices.checkins'),
      c('intake.result.choices.menu'),
    ]);

    // "Tell me more" opens the explainer for that topic; "main menu" leaves it.
    const learn = await chat.say(c('intake.result.learnMore.trajectory'));
    expect(learn[0]).toBe(t.app.services.content.explainer('trajectory').summary);
    expect(await chat.say('main menu')).toEqual([c('help.startOver.done'), c('menu.prompt')]);

    const again = await chat.send(c('menu.options.intake'));
    expect(again[0].text).toBe(c('intake.done.prompt', { date: 'December 1' }));
    expect(buttonsOf(again[0])).toEqual([
      c('intake.done.choices.result'),
      c('intake.done.choices.update'),
      c('intake.done.choices.fresh'),
    ]);
    const shown = await chat.say(c('intake.done.choices.result'));
    expect(shown[1]).toBe(texts[1]);
    expect(shown[shown.length - 1]).toBe(c('intake.result.next'));
    await chat.say(c('intake.result.choices.menu'));
    await chat.say(c('menu.options.intake'));
    expect(await chat.say(c('intake.done.choices.update'))).toEqual([c('intake.review.which')]);
    expect(await chat.say(c('intake.review.labels.goal'))).toEqual([c('intake.questions.goal.prompt')]);
    const changed = await chat.say(q('goal', 'stop'));
    expect(changed[0]).toContain(
      c('intake.review.line', { label: c('intake.review.labels.goal'), answer: c('intake.values.goal.stop') }),
    );
  });

  test('in free text to a hand-off: extracts noted from "two shots", ZIP in the locator link, prescriber summary as a file', async () => {
    const chat = await open('free-text');
    await chat.say('plan my next steps');
    expect(await chat.say('mostly powder')).toEqual([
      c('intake.questions.products.confirm', { products: c('intake.values.products.leaf') }),
    ]);
    expect(await chat.say('yes')).toEqual([c('intake.questions.age.prompt')]);
    expect(await chat.say("no, I'm 34")).toEqual([c('intake.questions.startedAgo.prompt')]);
    expect(await chat.say('a year and a half')).toEqual([
      c('intake.questions.startedAgo.confirm', { duration: c('intake.durations.yearAndHalf') }),
    ]);
    expect(await chat.say('yep')).toEqual([c('intake.questions.startDose.prompt')]);
    expect(await chat.say('about 2 teaspoons')).toEqual([
      `${c('intake.assumptions.teaspoon', { grams: 2.5 })} ${c('intake.questions.amount.confirm', { amount: '5 g' })}`,
    ]);
    expect(await chat.say('yes')).toEqual([c('intake.questions.currentDose.prompt')]);
    expect(await chat.say('two shots a day')).toEqual([c('intake.questions.amount.confirm', { amount: '2 shots' })]);
    expect(await chat.say("that's right")).toEqual([
      c('intake.notedProducts.extract'),
      c('intake.questions.timesPerDay.prompt'),
    ]);
    expect(await chat.say('every 4 hours')).toEqual([
      `${c('intake.assumptions.everyHours', { hours: 4, wakingHours: 16, times: 4 })} ${c('intake.questions.timesPerDay.ack', { times: 4 })}`,
      c('intake.questions.rotation.prompt'),
    ]);
    expect(await chat.say('not really')).toEqual([c('intake.questions.substances.prompt')]);
    expect(await chat.say('gabapentin and a few beers')).toEqual([
      c('intake.questions.substances.ack'),
      c('intake.questions.pregnant.prompt'),
    ]);
    expect(await chat.say('no')).toEqual([c('intake.questions.earlierStop.prompt')]);
    expect(await chat.say('I went back on day 3')).toEqual([c('intake.questions.goal.prompt')]);
    expect(await chat.say('quit for good')).toEqual([c('intake.questions.zip.prompt')]);
    const review = await chat.say('my zip is 90210');
    expect(review[0]).toContain(
      c('intake.review.line', { label: c('intake.review.labels.products'), answer: 'plain leaf, extracts' }),
    );
    expect(review[0]).toContain(
      c('intake.review.line', {
        label: c('intake.review.labels.substances'),
        answer: 'alcohol, gabapentin or pregabalin',
      }),
    );

    const result = await chat.send('yes');
    const texts = result.map((r) => r.text ?? '');
    expect(texts[0]).toContain(
      c('intake.result.trajectory.full', {
        start: '5 g',
        current: '2 shots',
        duration: c('intake.durations.yearAndHalf'),
      }),
    );
    expect(texts[1].split('\n').slice(2)).toEqual(
      ['extract', 'otherSubstances', 'earlyRelapse'].map((id) =>
        c('intake.result.reasonLine', { reason: c(`risk.reasons.${id}`) }),
      ),
    );
    expect(texts).toContain(c('resources.handoff.intro'));
    const cards = cardsIn(result);
    expect(cards).toHaveLength(1);
    expect(cards[0].content).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(cards[0].content.actions).toEqual([
      {
        type: 'Action.OpenUrl',
        title: c('resources.handoff.findTreatment.label'),
        url: 'https://findtreatment.gov/locator?sAddr=90210',
      },
      { type: 'Action.OpenUrl', title: c('resources.handoff.helplineCall.label'), url: 'tel:+18006624357' },
      { type: 'Action.OpenUrl', title: c('resources.handoff.helplineText.label'), url: 'sms:435748?&body=90210' },
    ]);
    expect(texts.some((text) => text?.startsWith(c('intake.taper.self').slice(0, 20)))).toBe(false);

    const summary = await chat.send(c('intake.result.choices.prescriber'));
    expect(summary[0].text).toContain(c('intake.prescriber.lines.currentDose', { value: '2 shots a day' }));
    expect(summary[0].text).toContain(
      c('intake.prescriber.lines.approach', { value: c('risk.approachShort.extractToLeafThenTaper') }),
    );
    const [file] = filesIn(summary);
    expect(file.name).toBe(c('intake.prescriber.fileName'));
    const downloaded = Buffer.from(
      file.contentUrl!.replace(/^data:text\/plain;charset=utf-8;base64,/, ''),
      'base64',
    ).toString('utf8');
    expect(summary[0].text).toContain(downloaded);
    expect(downloaded).toContain(
      c('intake.prescriber.lines.substances', { value: 'alcohol, gabapentin or pregabalin' }),
    );
    expect(downloaded).not.toContain('90210');

    expect(t.logs.text).not.toContain('90210');
    expect(t.logs.text).not.toMatch(/shots|teaspoon|gabapentin/);
  });

  test('a leaf-only answer below the line gets a taper sketch, weekly when use grew in under 6 months', async () => {
    const chat = await open('taper');
    await chat.say('plan my next steps');
    for (const answer of [
      'powder',
      'yes', // the product type read back
      'no',
      '4 months',
      'yes',
      '2g',
      'yes',
      '8 g',
      'yes',
      '3',
      'no',
      'none',
      'no',
      'never',
      'stop',
      'skip',
    ])
      await chat.say(answer);
    const result = await chat.say('looks right');
    const taper = result.find((text) => text.startsWith(c('intake.taper.self')))!;
    // A tenth of the current amount each week (under a year of daily use), the long middle summed up.
    expect(taper.split('\n')).toEqual([
      c('intake.taper.self'),
      c('intake.taper.label', { pace: c('intake.taper.paceWeekly'), weeks: 20 }),
      c('intake.taper.start', { grams: 8 }),
      ...[7.2, 6.5, 5.8, 5.2].map((grams, i) => c('intake.taper.week', { week: i + 1, grams })),
      c('intake.taper.andSoOn'),
      c('intake.taper.week', { week: 20, grams: 1 }),
      c('intake.taper.stopFrom', { week: 21 }),
      c('intake.taper.hold'),
    ]);
    expect(result).not.toContain(c('resources.handoff.intro'));
    expect(result[1]).toContain(c('risk.approach.stopOrShortTaper'));

    // Not enrolled yet: "Weekly check-ins" sets them up, then the next steps come back without it.
    expect(await chat.say(c('intake.result.choices.checkins'))).toEqual([
      c('schedule.enroll.intro'),
      c('schedule.enroll.askDay'),
    ]);
    expect(await chat.say('sunday 6pm')).toEqual([c('schedule.enroll.askZone')]);
    const enrolled = await chat.send('Eastern');
    expect(enrolled.slice(-2).map((r) => r.text)).toEqual([c('schedule.enroll.howToChange'), c('intake.result.next')]);
    expect(buttonsOf(enrolled[enrolled.length - 1])).not.toContain(c('intake.result.choices.checkins'));
    expect(buttonsOf(enrolled[enrolled.length - 1])).toContain(c('intake.result.choices.prescriber'));
    expect(await t.app.services.store.enrollments.get('test:taper-person')).toMatchObject({
      status: 'active',
      weekday: 0,
      localTime: '18:00',
      timeZone: 'America/New_York',
    });
  });

  test('the 10-15 g tier: hand-off card and a sketch framed for the prescriber', async () => {
    const chat = await open('raised');
    await chat.say('plan my next steps');
    for (const answer of [
      'capsules',
      'yes',
      'skip',
      '2 years',
      'yes',
      '6 capsules',
      '00',
      'yes',
      '24 caps',
      'yes',
      'twice',
      'no',
      'none',
      'no',
      'never',
      'stop',
    ])
      await chat.say(answer);
    const replies = await chat.send('skip');
    expect(replies[1].text).toContain(
      c('intake.review.line', { label: c('intake.review.labels.currentDose'), answer: '12 g a day' }),
    );
    const result = await chat.send('Looks right');
    const texts = result.map((r) => r.text ?? '');
    expect(cardsIn(result)).toHaveLength(1);
    expect(cardsIn(result)[0].content.actions[0].url).toBe('https://findtreatment.gov');
    const taper = texts.find((text) => text.startsWith(c('intake.taper.forPrescriber')))!;
    // Two years of daily use: a step every four weeks, a tenth of 12 g first.
    expect(taper.split('\n')[3]).toBe(c('intake.taper.weeks', { from: 1, to: 4, grams: 10.8 }));
  });

  test('corrections: "no, 12 g" at the confirm, "actually it\'s 9 g" later on, and changing an answer at the review', async () => {
    const chat = await open('corrections');
    await chat.say('plan my next steps');
    await chat.say('powder');
    await chat.say('yes');
    await chat.say('skip');
    await chat.say('2 years');
    await chat.say('yes');
    await chat.say('3 g');
    await chat.say('yes');
    expect(await chat.say('15 grams')).toEqual([c('intake.questions.amount.confirm', { amount: '15 g' })]);
    expect(await chat.say('no, 12 g')).toEqual([c('intake.questions.amount.confirm', { amount: '12 g' })]);
    expect(await chat.say('no')).toEqual([c('intake.confirm.askAgain')]);
    expect(await chat.say('13g')).toEqual([c('intake.questions.amount.confirm', { amount: '13 g' })]);
    expect(await chat.say('yes')).toEqual([c('intake.questions.timesPerDay.prompt')]);
    expect(await chat.say("actually it's 9 g")).toEqual([c('intake.questions.amount.confirm', { amount: '9 g' })]);
    expect(await chat.say('yes')).toEqual([c('intake.questions.timesPerDay.prompt')]);
    expect(await chat.say('sorry, I started with 2 grams')).toEqual([
      c('intake.questions.amount.confirm', { amount: '2 g' }),
    ]);
    expect(await chat.say('yes')).toEqual([c('intake.questions.timesPerDay.prompt')]);
    for (const answer of ['3', 'no', 'none', 'no', 'never', 'stop']) await chat.say(answer);
    const review = await chat.say('skip');
    expect(review[1]).toContain(
      c('intake.review.line', { label: c('intake.review.labels.startDose'), answer: '2 g a day' }),
    );
    expect(review[1]).toContain(
      c('intake.review.line', { label: c('intake.review.labels.currentDose'), answer: '9 g a day' }),
    );

    const which = await chat.send(c('intake.review.choices.change'));
    expect(which[0].text).toBe(c('intake.review.which'));
    expect(await chat.say(c('intake.review.labels.currentDose'))).toEqual([c('intake.questions.currentDose.prompt')]);
    expect(await chat.say('16 g')).toEqual([c('intake.questions.amount.confirm', { amount: '16 g' })]);
    const back = await chat.say('yes');
    expect(back[0]).toContain(
      c('intake.review.line', { label: c('intake.review.labels.currentDose'), answer: '16 g a day' }),
    );
    const corrected = await chat.say("actually it's 14 g");
    expect(corrected).toEqual([c('intake.questions.amount.confirm', { amount: '14 g' })]);
    expect((await chat.say('yes'))[0]).toContain(
      c('intake.review.line', { label: c('intake.review.labels.currentDose'), answer: '14 g a day' }),
    );
    const result = await chat.send('yes');
    expect(result.map((r) => r.text)).toContain(c('resources.handoff.intro'));
    expect(result[0].text).toContain(
      c('intake.result.trajectory.full', { start: '2 g', current: '14 g', duration: '2 years' }),
    );
    expect(result[0].text).toContain(c('intake.result.ratio.more', { ratio: 7 }));
  });

  test('garbage answers get a friendly re-ask with an example, then a hint about pausing; never a crash', async () => {
    const chat = await open('garbage');
    await chat.say('plan my next steps');
    expect(await chat.say('🦄🦄🦄')).toEqual([c('intake.questions.products.retry')]);
    expect(await chat.say('purple')).toEqual([c('intake.questions.products.retry')]);
    expect(await chat.say('asdf')).toEqual([`${c('intake.questions.products.retry')} ${c('intake.stuck')}`]);
    await chat.say('powder');
    await chat.say('yes');
    expect(await chat.say('maybe')).toEqual([c('intake.questions.age.retry')]);
    await chat.say('skip');
    expect(await chat.say('a long time')).toEqual([c('intake.questions.startedAgo.retry')]);
    expect(await chat.say('6')).toEqual([c('intake.questions.startedAgo.retryUnit')]);
    await chat.say('6 years');
    expect(await chat.say('banana')).toEqual([c('intake.questions.startedAgo.confirmRetry', { duration: '6 years' })]);
    await chat.say('yes');
    expect(await chat.say('lots')).toEqual([c('intake.questions.amount.retry')]);
    expect(await chat.say('a scoop')).toEqual([c('intake.questions.amount.retryScoop')]);
    expect(await chat.say('3 cups of tea')).toEqual([`${c('intake.questions.amount.retryTea')} ${c('intake.stuck')}`]);
    expect(await chat.say('900 grams')).toEqual([c('intake.questions.amount.retryTooLarge')]);
    expect(await chat.say('x'.repeat(3000))).toEqual([c('intake.questions.amount.retry')]);
    expect(await chat.say('6 capsules')).toEqual([c('intake.questions.amount.capsuleSize')]);
    expect(await chat.say('huge ones')).toEqual([c('intake.questions.amount.capsuleRetry')]);
    expect(await chat.say('not sure')).toEqual([
      `${c('intake.assumptions.capsule', { grams: 0.5 })} ${c('intake.questions.amount.confirm', { amount: '3 g' })}`,
    ]);
    expect(await chat.say('yes')).toEqual([c('intake.questions.currentDose.prompt')]);
    expect(await chat.say('skip')).toEqual([c('intake.questions.currentDose.unknown')]);
    expect(await chat.say('maybe 10 or 12 grams')).toEqual([
      `${c('intake.assumptions.range', { low: 10, high: 12, middle: 11 })} ${c('intake.questions.amount.confirm', { amount: '11 g' })}`,
    ]);
    expect(await chat.say('yes')).toEqual([c('intake.questions.timesPerDay.prompt')]);
    expect(await chat.say('skip')).toEqual([c('intake.questions.timesPerDay.retry')]);
    expect(await chat.say('help')).toEqual([c('help.text'), c('intake.questions.timesPerDay.retry')]);
    expect(await chat.say('twice')).toEqual([c('intake.questions.rotation.prompt')]);
  });

  test('"later" pauses and keeps the answers; the menu entry offers to carry on', async () => {
    const chat = await open('pause');
    await chat.say('plan my next steps');
    await chat.say('powder');
    await chat.say('yes');
    expect(await chat.say('later')).toEqual([c('intake.pause.done'), c('menu.prompt')]);
    const resume = await chat.send(c('menu.options.intake'));
    expect(resume[0].text).toBe(c('intake.resume.prompt', { answered: 1, total: 12 }));
    expect(buttonsOf(resume[0])).toEqual([c('intake.resume.choices.continue'), c('intake.resume.choices.fresh')]);
    expect(await chat.say(c('intake.resume.choices.continue'))).toEqual([c('intake.questions.age.prompt')]);
    expect(await chat.say('start over')).toEqual([c('help.startOver.done'), c('menu.prompt')]);
    await chat.say(c('menu.options.intake'));
    expect(await chat.say(c('intake.resume.choices.fresh'))).toEqual([intro(), c('intake.questions.products.prompt')]);
  });

  test('a plain "yes" at "Shall we carry on?" carries on; "begin again" starts fresh', async () => {
    const chat = await open('resume-yes');
    await chat.say('plan my next steps');
    await chat.say('powder');
    await chat.say('yes');
    await chat.say('later');
    expect(await chat.say(c('menu.options.intake'))).toEqual([c('intake.resume.prompt', { answered: 1, total: 12 })]);
    expect(await chat.say('yes please')).toEqual([c('intake.questions.age.prompt')]);
    await chat.say('later');
    await chat.say(c('menu.options.intake'));
    expect(await chat.say('begin again')).toEqual([intro(), c('intake.questions.products.prompt')]);
  });
});

describe('the hand-off card on a channel without cards', () => {
  test('Slack-like channels get the resources as plain text with the numbers and links', async () => {
    const t = await startTestApp();
    const c = (key: string, vars?: Record<string, string | number>) => t.app.services.content.text(key, vars);
    const chat = conversation(t, 'plain', { channelId: 'slack' });
    await chat.say('hi');
    await chat.say('3');
    for (const answer of [
      '7-OH',
      'yes',
      'skip',
      '3 months',
      'yes',
      '1 tablet',
      'yes',
      '2 tablets',
      'yes',
      '2',
      'none',
      'no',
      'never',
      'stop',
      'skip',
    ])
      await chat.say(answer);
    const result = await chat.send('1');
    expect(cardsIn(result)).toHaveLength(0);
    const card = result.map((r) => r.text ?? '').find((text) => text.startsWith(c('resources.handoff.intro')))!;
    expect(card.split('\n')).toEqual([
      c('resources.handoff.intro'),
      c('resources.handoff.title'),
      ...t.app.services.content.list('resources.handoff.lines'),
      c('resources.handoff.findTreatment.plain', { url: 'https://findtreatment.gov' }),
      c('resources.handoff.helplineCall.plain'),
      c('resources.handoff.helplineText.plain'),
    ]);
    expect(card).toContain('1-800-662-4357');
    expect(card).toContain('435748');
    await t.stop();
  });
});
