import { startTestApp, type TestApp } from '../support/app';
import { buttonsOf, conversation } from '../support/intake';

/** Free text at every turn, over real HTTP: requests in people's words, bank questions, and interruptions that return. */
describe('understanding people anywhere', () => {
  let t: TestApp;
  let c: (key: string, vars?: Record<string, string | number>) => string;
  const answer = (id: string) => c(`questions.bank.${id}.answer`);
  const helpNow = (step: 'craving' | 'withdrawal') => [c(`helpNow.steps.${step}`), c('helpNow.kit'), c('helpNow.talk')];

  beforeAll(async () => {
    t = await startTestApp();
    c = (key, vars) => t.app.services.content.text(key, vars);
  });
  afterAll(async () => t.stop());

  let n = 0;
  async function atMenu() {
    const chat = conversation(t, `understand-${n++}`);
    await chat.say('hi');
    return chat;
  }

  test.each([
    ['thanks!', () => [c('intents.thanks'), c('menu.prompt')]],
    ['hey there', () => [c('intents.greeting'), c('menu.prompt')]],
    ['what is steady', () => [c('about.text'), c('menu.prompt')]],
    ['get suport now', () => [c('support.text'), c('menu.prompt')]],
    ['is this private', () => [c('privacy.policy'), expect.any(String), c('privacy.rights'), c('menu.prompt')]],
    ['teach me about tolerance', () => [c('explain.ask')]],
    ['day 2 and I want to use so bad, help', () => [...helpNow('craving'), c('menu.prompt')]],
    ["legs won't stop, can't sleep", () => [...helpNow('withdrawal'), c('menu.prompt')]],
    ['bye', () => [c('intents.goodbye')]],
  ])('at the menu, "%s" reaches the right place', async (message, expected) => {
    const chat = await atMenu();
    expect(await chat.say(message)).toEqual(expected());
  });

  test('requests that open a dialog: the plan, the program, check-ins, export, delete', async () => {
    const plan = await atMenu();
    expect((await plan.say('I want to cut down on kratom')).at(-1)).toBe(c('intake.questions.products.prompt'));
    const program = await atMenu();
    expect(await program.say('I want to start the 12 week program')).not.toContain(c('menu.reprompt'));
    expect(await program.say('I want to start the 12 week program')).not.toContain(
      c('intake.questions.products.prompt'),
    );
    const checkins = await atMenu();
    expect((await checkins.say('can you check in with me every week?'))[0]).toBe(c('schedule.enroll.intro'));
    const data = await atMenu();
    expect((await data.say('show me what data you have on me'))[0]).toContain(c('privacy.export.intro'));
    const remove = await atMenu();
    const deleting = await remove.say('pls delete all my data');
    expect(deleting).not.toContain(c('menu.reprompt'));
    expect(deleting.length).toBeGreaterThan(0);
  });

  test('questions from the bank at the menu, with typos; a question nobody could answer gets an honest reply', async () => {
    const chat = await atMenu();
    expect(await chat.say('loperamide for withdrawal?')).toEqual([answer('medicines.loperamide'), c('menu.prompt')]);
    expect(await chat.say('is 7-OH safer')).toEqual([answer('sevenOh.is7ohSafer'), c('menu.prompt')]);
    expect(await chat.say('breastfeeding on kratom ok?')).toEqual([
      answer('pregnancy.breastfeeding'),
      c('menu.prompt'),
    ]);
    expect(await chat.say('what helps with the diarrhea')).toEqual([answer('symptoms.diarrhea'), c('menu.prompt')]);
    expect(await chat.say('what is the capital of france?')).toEqual([c('questions.unknown'), c('menu.prompt')]);
    expect(await chat.say('cold turkey from 30g')).toEqual([answer('coldTurkey.highDose'), c('menu.prompt')]);
  });

  test('an unclear question offers the two closest; picking one answers it and the menu comes back', async () => {
    const chat = await atMenu();
    const offer = await chat.send('mixing');
    expect(offer.map((r) => r.text)).toEqual([c('questions.offer')]);
    const labels = buttonsOf(offer[0]);
    expect(labels).toHaveLength(3);
    const picked = labels[0];
    const replies = await chat.say(picked);
    expect(replies).toHaveLength(2);
    expect(replies[1]).toBe(c('menu.prompt'));
  });

  test('the first message of a conversation can be a question: the welcome, then the answer', async () => {
    const chat = conversation(t, 'understand-first');
    const replies = await chat.say('how long does withdrawal last?');
    expect(replies.slice(0, 3)).toEqual([c('welcome.greeting'), c('welcome.notClinician'), c('privacy.notice')]);
    expect(replies.slice(3)).toEqual([answer('withdrawal.timeline'), c('menu.prompt')]);
  });

  test('mid-intake: a question is answered and the same question asked again; an age or a span is never a dose', async () => {
    const chat = await atMenu();
    await chat.say(c('menu.options.intake'));
    await chat.say(c('intake.questions.products.choices.leaf'));
    await chat.say('skip'); // the optional under-18 question
    // At the start-date question: a question, then the question again.
    const waiting = c('intake.questions.startedAgo.prompt');
    expect(await chat.say("why can't I just switch strains?")).toEqual([answer('strains.switchStrains'), waiting]);
    expect(await chat.say('hi')).toEqual([c('intents.greeting'), waiting]);
    expect(await chat.say('is this private')).toContain(waiting);
    await chat.say('2 years');
    await chat.say('yes');
    const amount = c('intake.questions.startDose.prompt');
    expect(await chat.say('what is tolerance?')).toEqual([answer('tolerance.whatIsTolerance'), amount]);
    expect(await chat.say('day 2 and I want to use so bad, help')).toEqual([...helpNow('craving'), amount]);
    // A number inside a question is not the answer: the question is answered, the amount asked again.
    const asked = await chat.say("i'm only on 3g a day, can i just quit cold turkey?");
    expect(asked).toEqual([answer('coldTurkey.lowDose'), amount]);
    expect(asked.join(' ')).not.toContain('3 g');
    // "I'm 17" and "17 years" are not "about 17 g a day".
    for (const notADose of ["I'm 17", 'been using for 17 years']) {
      const replies = await chat.say(notADose);
      expect(replies.join(' ')).not.toContain('17 g');
    }
    expect(await chat.say('5 g')).toEqual([c('intake.questions.amount.confirm', { amount: '5 g' })]);
    // At "Is that right?" a question is answered and "Is that right?" comes back.
    expect(await chat.say('is kratom an opioid?')).toEqual([
      answer('opioids.isOpioid'),
      c('intake.questions.amount.confirm', { amount: '5 g' }),
    ]);
    expect(await chat.say('yes')).toEqual([c('intake.questions.currentDose.prompt')]);
  });

  test('in the program: a request for help mid-lesson is answered and the step comes back', async () => {
    const chat = await atMenu();
    await chat.say(c('menu.options.program'));
    const step = await chat.say('start');
    const waiting = step.at(-1)!;
    expect(await chat.say('what helps restless legs?')).toEqual([answer('symptoms.restlessLegs'), waiting]);
    expect(await chat.say('thank you')).toEqual([c('intents.thanks'), waiting]);
  });

  test('at the check-in enrollment question: a question is answered and the enrollment question comes back', async () => {
    const chat = await atMenu();
    const enroll = await chat.say(c('menu.options.checkins'));
    const waiting = enroll.at(-1)!;
    expect(await chat.say('does kratom show up on a drug test?')).toEqual([answer('drugTests.showUp'), waiting]);
  });

  test('in a weekly check-in: a question is answered and the check-in question comes back', async () => {
    const chat = await atMenu();
    const opened = await chat.say('check in now');
    const waiting = opened.at(-1)!;
    expect(await chat.say('what helps with anxiety in withdrawal?')).toEqual([answer('symptoms.anxiety'), waiting]);
  });
  test('requests worded unlike any phrase reach their place through cue words', async () => {
    const data = await atMenu();
    expect(await data.say('please forget everything about me')).not.toContain(c('menu.reprompt'));
    const exported = await atMenu();
    expect((await exported.say('i want to download a copy of what you saved'))[0]).toContain(c('privacy.export.intro'));
    const support = await atMenu();
    expect(await support.say('I would like to speak with a counselor')).toEqual([c('support.text'), c('menu.prompt')]);
  });

  test('two requests equally likely: buttons ask which one, and a pick runs it', async () => {
    const chat = await atMenu();
    const offer = await chat.send('what data do you have on me');
    expect(offer.map((r) => r.text)).toEqual([c('intents.tie')]);
    const labels = buttonsOf(offer[0]);
    expect(labels).toEqual(expect.arrayContaining([c('intents.labels.privacy'), c('intents.labels.exportData')]));
    expect((await chat.say(c('intents.labels.exportData')))[0]).toContain(c('privacy.export.intro'));
  });

  test('"back" and "go back" at the main menu mean the main menu, not a bank answer', async () => {
    for (const word of ['back', 'go back']) {
      const chat = await atMenu();
      const replies = await chat.say(word);
      expect(replies).toEqual([c('help.startOver.done'), c('menu.prompt')]);
    }
  });

  test('mid-intake: a request interrupts and the question comes back; a sentence asking after an amount is a question', async () => {
    const chat = await atMenu();
    const products = (await chat.say(c('menu.options.intake'))).at(-1)!;
    // The choice question's reader does not swallow a request worded unlike any phrase.
    expect(await chat.say('no more check-in messages please')).toEqual([c('schedule.status.notEnrolled'), products]);
    await chat.say(c('intake.questions.products.choices.leaf'));
    await chat.say('skip');
    await chat.say('2 years');
    await chat.say('yes');
    const amount = c('intake.questions.startDose.prompt');
    expect(await chat.say('I would like to speak with a counselor')).toEqual([c('support.text'), amount]);
    const asked = await chat.say('I switched to extract shots 8 months ago. Will that make stopping harder?');
    expect(asked).toEqual([answer('extracts.extractWorse'), amount]);
    // An answer stays an answer.
    expect(await chat.say('about 5 g')).toEqual([c('intake.questions.amount.confirm', { amount: '5 g' })]);
  });

  test('a bank answer about something the bot does carries its button; a tap does it', async () => {
    const chat = await atMenu();
    const replies = await chat.send('who can see what i type');
    expect(replies[0].text).toBe(answer('privacy.private'));
    expect(buttonsOf(replies[0])).toEqual([c('intents.labels.privacy')]);
    expect(await chat.say(c('intents.labels.privacy'))).toEqual([
      c('privacy.policy'),
      expect.any(String),
      c('privacy.rights'),
      c('menu.prompt'),
    ]);
    // Asked as something to do, it is done at once.
    for (const asked of ['can i speak to a human', 'are there real people i can call?']) {
      const other = await atMenu();
      expect(await other.say(asked)).toEqual([c('support.text'), c('menu.prompt')]);
    }
  });

  test('a request and a bank question in one message: both are offered, and a pick runs it', async () => {
    const chat = await atMenu();
    const offer = await chat.send('can you make me a plan to quit? and how long does withdrawal last');
    expect(offer.map((r) => r.text)).toEqual([c('intents.both')]);
    expect(buttonsOf(offer[0])).toEqual([c('intents.labels.intake'), c('questions.bank.withdrawal.timeline.title')]);
    expect(await chat.say(c('questions.bank.withdrawal.timeline.title'))).toEqual([
      answer('withdrawal.timeline'),
      c('menu.prompt'),
    ]);
  });

  test('mid-intake: a short symptom, thanks in a sentence and a plan request with a unit are not the amount', async () => {
    const chat = await atMenu();
    await chat.say(c('menu.options.intake'));
    await chat.say(c('intake.questions.products.choices.leaf'));
    await chat.say('skip');
    await chat.say('2 years');
    await chat.say('yes');
    const amount = c('intake.questions.startDose.prompt');
    expect(await chat.say('cant sleep')).toEqual([answer('symptoms.sleep'), amount]);
    expect(await chat.say('legs restless')).toEqual([answer('symptoms.restlessLegs'), amount]);
    expect(await chat.say('Thank you kindly for your patience with me.')).toEqual([c('intents.thanks'), amount]);
    // The intake is the plan already open: the amount question reads the request, and no "shot" is saved as the amount.
    const plan = await chat.say('need a plan to get off shots');
    expect(plan).toEqual([c('intake.questions.amount.retry')]);
    // Both asks with the plan already open: the question is answered and the amount asked again (as last worded).
    expect(await chat.say('i want a plan to quit, how long does withdrawal last?')).toEqual([
      answer('withdrawal.timeline'),
      c('intake.questions.amount.retry'),
    ]);
  });
});
