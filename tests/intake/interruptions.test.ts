import { startTestApp, type TestApp } from '../support/app';
import { conversation } from '../support/intake';

/**
 * The intake's reading of free text, over real HTTP: questions and requests at each waiting question
 * are answered and the question comes back; numbers that are not doses are not taken as doses; ranges
 * and product types are said back; the review takes natural replies.
 */
describe('intake: interruptions that return, and answers read back', () => {
  let t: TestApp;
  let c: (key: string, vars?: Record<string, string | number>) => string;
  const answer = (id: string) => c(`questions.bank.${id}.answer`);

  beforeAll(async () => {
    t = await startTestApp();
    c = (key, vars) => t.app.services.content.text(key, vars);
  });
  afterAll(async () => t.stop());

  test('a whole intake in free text, interrupted at every kind of question', async () => {
    const chat = conversation(t, 'intake-interruptions');
    await chat.say('hi');
    expect((await chat.say('i want to cut down on kratom')).at(-1)).toBe(c('intake.questions.products.prompt'));
    // Products (a choice question): a bank question, then the answer in words that are also a bank question's words.
    expect(await chat.say('what is 7-oh?')).toEqual([
      answer('sevenOh.whatIs7oh'),
      c('intake.questions.products.prompt'),
    ]);
    const leafAndExtract = `${c('intake.values.products.leaf')}, ${c('intake.values.products.extract')}`;
    const confirmProducts = c('intake.questions.products.confirm', { products: leafAndExtract });
    expect(await chat.say('powder and extract shots')).toEqual([confirmProducts]);
    // The product type is read back for a yes or no; a question there is answered and the check comes back.
    expect(await chat.say('is kratom an opioid?')).toEqual([answer('opioids.isOpioid'), confirmProducts]);
    expect(await chat.say('yes')).toEqual([c('intake.questions.age.prompt')]);
    expect(await chat.say('no')).toEqual([c('intake.questions.startedAgo.prompt')]);
    // Duration: a question with a number in it is answered, not read as a span.
    expect(await chat.say('how long does withdrawal last?')).toEqual([
      answer('withdrawal.timeline'),
      c('intake.questions.startedAgo.prompt'),
    ]);
    expect(await chat.say('2 years')).toEqual([c('intake.questions.startedAgo.confirm', { duration: '2 years' })]);
    expect(await chat.say('yes')).toEqual([c('intake.questions.startDose.prompt')]);
    // Amount: a request is done and the question comes back; ages and day counts are never doses.
    expect((await chat.say('thank you')).at(-1)).toBe(c('intake.questions.startDose.prompt'));
    for (const notADose of ['im 45 years old', 'day 3 of trying'])
      expect((await chat.say(notADose)).join(' ')).not.toMatch(/\b(45|3) g\b/);
    expect(await chat.say('5 g')).toEqual([c('intake.questions.amount.confirm', { amount: '5 g' })]);
    expect(await chat.say('yes')).toEqual([c('intake.questions.currentDose.prompt')]);
    // Leaf and extracts: after the grams, how many shots a day (a question in between is answered first).
    expect(await chat.say('about 20 g')).toEqual([c('intake.questions.currentDose.shots')]);
    expect(await chat.say('is 7-oh safer?')).toEqual([
      answer('sevenOh.is7ohSafer'),
      c('intake.questions.currentDose.shots'),
    ]);
    expect(await chat.say('two')).toEqual([
      c('intake.questions.amount.confirmWithShots', { amount: '20 g', shots: 2 }),
    ]);
    expect(await chat.say('yes')).toEqual([c('intake.questions.timesPerDay.prompt')]);
    // Times a day: a question, then a range kept as said.
    expect(await chat.say('what helps with diarrhea?')).toEqual([
      answer('symptoms.diarrhea'),
      c('intake.questions.timesPerDay.prompt'),
    ]);
    expect(await chat.say('3 or 4 times')).toEqual([
      c('intake.questions.timesPerDay.ackRange', { low: 3, high: 4, times: 3.5 }),
      c('intake.questions.rotation.prompt'),
    ]);
    expect(await chat.say('no')).toEqual([c('intake.questions.substances.prompt')]);
    expect(await chat.say('none')).toEqual([c('intake.questions.pregnant.prompt')]);
    expect(await chat.say('no')).toEqual([c('intake.questions.earlierStop.prompt')]);
    expect(await chat.say('no')).toEqual([c('intake.questions.goal.prompt')]);
    expect(await chat.say('cut down first, then quit')).toEqual([c('intake.questions.zip.prompt')]);
    const review = await chat.say('skip');
    const summary = review.join('\n');
    expect(summary).toContain(
      c('intake.review.line', {
        label: c('intake.review.labels.timesPerDay'),
        answer: c('intake.values.timesPerDayRange', { low: 3, high: 4 }),
      }),
    );
    expect(summary).toContain(c('intake.review.line', { label: c('intake.review.labels.shotsPerDay'), answer: '2' }));
    expect(summary).toContain(
      c('intake.review.line', {
        label: c('intake.review.labels.products'),
        answer: `${c('intake.values.products.leaf')}, ${c('intake.values.products.extract')}`,
      }),
    );
    const reviewPrompt = review.at(-1)!;
    // The review: a question naming an answer's word ("alcohol") is answered, and the review comes back.
    expect(await chat.say('can i drink alcohol while tapering?')).toEqual([answer('mixing.alcohol'), reviewPrompt]);
    // "the goal is wrong, I want to cut down" changes the goal in one go.
    const changed = await chat.say('the goal is wrong, I want to cut down');
    expect(changed.join('\n')).toContain(
      c('intake.review.line', { label: c('intake.review.labels.goal'), answer: c('intake.values.goal.cutDown') }),
    );
    const result = await chat.say('looks good');
    expect(result[0]).toContain(c('intake.result.intro'));
  });

  test('what they use: kava is not kratom, brands and extract capsules are extracts, and "no" asks again', async () => {
    const chat = conversation(t, 'intake-products');
    await chat.say('hi');
    expect((await chat.say('plan my next steps')).at(-1)).toBe(c('intake.questions.products.prompt'));
    expect(await chat.say('i drink kava')).toEqual([c('intake.questions.products.notKratom')]);
    const extract = c('intake.questions.products.confirm', { products: c('intake.values.products.extract') });
    expect(await chat.say('opms gold capsules')).toEqual([extract]);
    expect(await chat.say('no')).toEqual([c('intake.confirm.askAgain')]);
    expect(await chat.say('extract capsules')).toEqual([extract]);
    expect(await chat.say('yes')).toEqual([c('intake.questions.age.prompt')]);
  });

  test('at the review, "yes that\'s right" accepts', async () => {
    const chat = conversation(t, 'intake-review-yes');
    await chat.say('hi');
    await chat.say('plan my next steps');
    for (const reply of [
      c('intake.questions.products.choices.leaf'),
      'no',
      '1 year',
      'yes',
      '4 g',
      'yes',
      '8 g',
      'yes',
      'twice',
      'no',
      'none',
      'no',
      'no',
      'stop completely',
    ])
      await chat.say(reply);
    await chat.say('skip');
    expect((await chat.say("yes that's right"))[0]).toContain(c('intake.result.intro'));
  });
});
