import type { Activity } from 'botbuilder';
import { startTestApp, type TestApp } from '../support/app';
import { buttonsOf, conversation } from '../support/intake';

/**
 * Issue 20, item 4: after the direct safety question, "No, I'm safe" brings the person back to exactly
 * the question they were on, with its buttons, in every dialog; after a crisis answer the turn stops
 * there (nothing read back, no lesson, no re-ask), and the waiting question still takes its answer.
 */
describe('the safety net returns the person to the question they were on', () => {
  let t: TestApp;
  let c: (key: string) => string;
  let n = 0;
  beforeAll(async () => {
    t = await startTestApp();
    c = (key) => t.app.services.content.text(key);
  });
  afterAll(async () => t.stop());

  type Chat = ReturnType<typeof conversation>;
  /** Each entry opens a conversation at a waiting question and returns that question's reply activity. */
  const dialogs: Array<[string, (chat: Chat) => Promise<Partial<Activity>>]> = [
    ['the menu', async (chat) => (await chat.send('hi')).at(-1)!],
    [
      'the intake, at a choice question',
      async (chat) => {
        await chat.send('hi');
        return (await chat.send(c('menu.options.intake'))).at(-1)!;
      },
    ],
    [
      'the intake, at the dose question',
      async (chat) => {
        await chat.send('hi');
        await chat.send(c('menu.options.intake'));
        await chat.send(c('intake.questions.products.choices.leaf'));
        await chat.send('skip'); // the optional under-18 question
        let replies = await chat.send(c('intake.questions.startedAgo.choices.atLeast6Months'));
        // The intake may confirm the answer, or ask it again in words, before the dose question.
        for (const next of ['yes', '2 years', 'yes'])
          if (replies.at(-1)?.text !== c('intake.questions.startDose.prompt')) replies = await chat.send(next);
        expect(replies.at(-1)?.text).toBe(c('intake.questions.startDose.prompt'));
        return replies.at(-1)!;
      },
    ],
    [
      'the 12-week program',
      async (chat) => {
        await chat.send('hi');
        return (await chat.send(c('menu.options.program'))).at(-1)!;
      },
    ],
    [
      'a check-in',
      async (chat) => {
        await chat.send('hi');
        return (await chat.send('check in')).at(-1)!;
      },
    ],
    [
      'delete my data',
      async (chat) => {
        await chat.send('hi');
        return (await chat.send('delete my data')).at(-1)!;
      },
    ],
  ];

  test.each(dialogs)('%s: "No, I\'m safe" asks exactly that question again', async (_name, open) => {
    const chat = conversation(t, `resume-safe-${++n}`);
    const waiting = await open(chat);
    expect(await chat.say("I can't do this anymore")).toEqual([c('safety.ambiguous.question')]);
    const back = await chat.send("No, I'm safe");
    expect(back.map((r) => r.text)).toEqual([c('safety.ambiguous.safe'), c('safety.backToQuestion'), waiting.text]);
    expect(buttonsOf(back.at(-1))).toEqual(buttonsOf(waiting));
  });

  test.each(dialogs)('%s: "I\'m okay" works the same', async (_name, open) => {
    const chat = conversation(t, `resume-okay-${++n}`);
    const waiting = await open(chat);
    await chat.say('i just want everything to stop');
    expect((await chat.say("I'm okay")).at(-1)).toBe(waiting.text);
  });

  test.each(dialogs)(
    '%s: after a crisis answer the turn stops there, and the question still waits',
    async (_name, open) => {
      const chat = conversation(t, `resume-crisis-${++n}`);
      const waiting = await open(chat);
      const replies = await chat.say('i want to kms tonight');
      expect(replies.at(-1)).toBe(c('safety.returnLine'));
      expect(replies).not.toContain(waiting.text);
      expect(replies.some((r) => r.includes(c('resources.crisisLine')))).toBe(true);
    },
  );

  test.each(dialogs)('%s: "yes" to the safety question gives 988 and stops the turn', async (_name, open) => {
    const chat = conversation(t, `resume-yes-${++n}`);
    const waiting = await open(chat);
    await chat.say('what is even the point anymore');
    const replies = await chat.say('yes');
    expect(replies.some((r) => r.includes(c('resources.crisisLine')))).toBe(true);
    expect(replies.at(-1)).toBe(c('safety.returnLine'));
    expect(replies).not.toContain(waiting.text);
  });

  test('mid-intake, the answer after a crisis answer is read by the question that was waiting', async () => {
    const chat = conversation(t, `resume-answer-${++n}`);
    await dialogs[2][1](chat);
    await chat.say('thinking about ctb tonight');
    const next = await chat.say('10 g');
    expect(next.join(' ')).toContain('10 g');
    expect(next.join(' ')).not.toContain(c('menu.prompt'));
  });

  test('mid-intake, a message about dying never gets a dose read-back or a "didn\'t get that"', async () => {
    const chat = conversation(t, `resume-readback-${++n}`);
    await dialogs[2][1](chat);
    for (const message of [
      '6 g a day would be enough to not wake up',
      'honestly everyone would be better off if i was gone, like 6 months now',
    ]) {
      const replies = await chat.say(message);
      expect(replies.join(' ')).not.toMatch(/So about|didn't get/);
      if (replies[0] === c('safety.ambiguous.question')) await chat.say('no');
    }
  });
});
