import { loadContent } from '../../src/platform/content/loader';
import { sessionPieces } from '../../src/features/program/session';
import { makeTempDir, say, startTestApp, type TestApp } from '../support/app';
import { grantConsent } from '../support/app';

const content = loadContent('en');
const text = (key: string, vars?: Record<string, string | number>) => content.text(key, vars);
const DAY = 24 * 60 * 60 * 1000;
const week1 = content.week(1);
const week2 = content.week(2);
const heading = (week: number) => text('program.weekHeading', { week, title: content.week(week).title });

/** The 12-week program over real HTTP: start, steps, repeat, back, pause, resume, unlocking, and a restart. */
describe('12-week program', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.stop());

  // The program keeps progress, so these people have agreed to saving answers (the gate has its own tests).
  const person = (id: string) => {
    const consented = grantConsent(t, `test:${id}`);
    return async (message: string, conversationId = `${id}-c1`) => {
      await consented;
      return say(t.baseUrl, message, { conversationId, userId: id });
    };
  };

  test('start from the menu, advance, repeat, go back, ask where I am, pause and pick up again', async () => {
    const chat = person('walker');
    await chat('hi');
    expect(await chat('where am I?')).toEqual([text('program.whereNotStarted'), text('menu.prompt')]);
    expect(await chat('My 12-week program')).toEqual([text('program.intro'), text('program.introHow')]);
    expect(await chat('Start week 1')).toEqual([heading(1), week1.lesson[0].text]);
    expect(await chat('Next')).toEqual([week1.lesson[1].text]);
    expect(await chat('Repeat')).toEqual([week1.lesson[1].text]);
    expect(await chat('back')).toEqual([heading(1), week1.lesson[0].text]);
    expect(await chat('next')).toEqual([week1.lesson[1].text]);
    expect(await chat('where am I?')).toEqual([
      text('program.where', { week: 1, count: 12, title: week1.title, part: 2, parts: sessionPieces(week1).length }),
      week1.lesson[1].text,
    ]);
    expect(await chat('Pause')).toEqual([text('program.paused'), text('menu.prompt')]);
    expect(await chat('where am i')).toEqual([
      text('program.where', { week: 1, count: 12, title: week1.title, part: 2, parts: sessionPieces(week1).length }),
      text('menu.prompt'),
    ]);
    expect(await chat('my program')).toEqual([
      text('program.resumed', { week: 1, title: week1.title }),
      week1.lesson[1].text,
    ]);
  });

  test('a lesson step linked to an explainer opens it and comes back to the step', async () => {
    const chat = person('linker');
    await chat('hi');
    await chat('My 12-week program');
    await chat('start');
    expect(week1.lesson[1].topic).toBe('tolerance-basics');
    await chat('next');
    expect(await chat('Tell me why')).toEqual([content.explainer('tolerance-basics').summary]);
    expect(await chat('Done')).toEqual([text('explain.done'), week1.lesson[1].text]);
    // A question at a lesson step is answered, and the step comes back.
    expect(await chat('what is 7-OH?')).toEqual([
      text('questions.bank.sevenOh.whatIs7oh.answer'),
      week1.lesson[1].text,
    ]);
  });

  test('a whole week: lesson, practice, reflection (answers are not stored), then the next week opens after 7 days or at once on request', async () => {
    const chat = person('finisher');
    await chat('hi');
    await chat('My 12-week program');
    await chat('start');
    for (const step of week1.lesson.slice(1)) expect(await chat('next')).toEqual([step.text]);
    expect(await chat('next')).toEqual([
      text('program.practice', { title: week1.practice.title, text: week1.practice.text }),
    ]);
    expect(await chat('next')).toEqual([text('program.reflectionFirst', { question: week1.reflection[0] })]);
    expect(await chat('It helped me get through long shifts at work')).toEqual([
      text('program.reflectionThanks'),
      week1.reflection[1],
    ]);
    expect(await chat('Skip')).toEqual([week1.reflection[2]]);
    expect(await chat('skip')).toEqual([
      text('program.weekDone', { week: 1 }),
      text('program.nextOpensIn', { week: 2, days: 7 }),
    ]);
    const db = (t.app.services.store as unknown as { db: import('better-sqlite3').Database }).db;
    expect(JSON.stringify(db.prepare('SELECT * FROM program_progress').all())).not.toContain('long shifts');

    expect(await chat('go to week 2')).toEqual([
      text('program.weekNotOpen', { week: 2, days: 7 }),
      text('program.weekDone', { week: 1 }),
      text('program.nextOpensIn', { week: 2, days: 7 }),
    ]);
    expect(await chat('Later')).toEqual([text('program.later'), text('menu.prompt')]);

    t.clock.advance(7 * DAY);
    expect(await chat('my program')).toEqual([
      text('program.weekDone', { week: 1 }),
      text('program.nextReady', { week: 2 }),
    ]);
    expect(await chat('Start week 2')).toEqual([heading(2), week2.lesson[0].text]);
    expect(await chat('go back to week 1')).toEqual([heading(1), week1.lesson[0].text]);
    expect(await chat('week three')).toEqual([
      text('program.weekNotOpen', { week: 3, days: 7 }),
      heading(1),
      week1.lesson[0].text,
    ]);
    expect(await chat('week 5')).toEqual([
      text('program.weekNotOpenYet', { week: 5 }),
      heading(1),
      week1.lesson[0].text,
    ]);
    expect(await chat('skip ahead')).toEqual([text('program.skipped', { week: 2 }), heading(2), week2.lesson[0].text]);
    expect(await chat('go to week 13')).toEqual([
      text('program.weekOutOfRange', { count: 12 }),
      heading(2),
      week2.lesson[0].text,
    ]);
    t.clock.set('2026-12-01T15:00:00Z');
  });

  test('moving faster: "Go at my own pace" opens each week as soon as the one before is finished', async () => {
    const chat = person('hurry');
    await chat('hi');
    await chat('My 12-week program');
    await chat('start');
    for (let i = 1; i < sessionPieces(week1).length; i++) await chat('next');
    expect(await chat('next')).toEqual([
      text('program.weekDone', { week: 1 }),
      text('program.nextOpensIn', { week: 2, days: 7 }),
    ]);
    expect(await chat('Go at my own pace')).toEqual([text('program.ownPaceOn'), heading(2), week2.lesson[0].text]);
    for (let i = 1; i < sessionPieces(week2).length; i++) await chat('next');
    expect(await chat('next')).toEqual([text('program.weekDone', { week: 2 }), text('program.nextReady', { week: 3 })]);
  });

  test("a new conversation (another device or channel conversation) continues the same person's program", async () => {
    const chat = person('traveller');
    await chat('hi', 'first');
    await chat('My 12-week program', 'first');
    await chat('start', 'first');
    await chat('next', 'first');
    await chat('hi', 'second');
    expect(await chat('my program', 'second')).toEqual([week1.lesson[1].text]);
  });
});

describe('program progress across a restart', () => {
  test('a new app on the same SQLite file picks up at the same step, paused or not', async () => {
    const dir = makeTempDir('program-restart-');
    const first = await startTestApp({ dir });
    await grantConsent(first, 'test:restarter');
    const options = { conversationId: 'before', userId: 'restarter' };
    await say(first.baseUrl, 'hi', options);
    await say(first.baseUrl, 'My 12-week program', options);
    await say(first.baseUrl, 'start', options);
    await say(first.baseUrl, 'next', options);
    expect(await say(first.baseUrl, 'next', options)).toEqual([week1.lesson[2].text]);
    await first.stop({ keepFiles: true });

    const second = await startTestApp({ dir });
    // The waiting prompt survived too: "next" goes on from step 3.
    expect(await say(second.baseUrl, 'next', options)).toEqual([week1.lesson[3].text]);
    expect(await say(second.baseUrl, 'pause', options)).toEqual([text('program.paused'), text('menu.prompt')]);
    await second.stop({ keepFiles: true });

    const third = await startTestApp({ dir });
    const fresh = { conversationId: 'after', userId: 'restarter' };
    expect(await say(third.baseUrl, 'my program', fresh)).toEqual([
      text('program.resumed', { week: 1, title: week1.title }),
      week1.lesson[3].text,
    ]);
    await third.stop();
  });
});
