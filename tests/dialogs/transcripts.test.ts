import { LAST_SEEN_RESOLUTION_MS } from '../../src/platform/storage/repositories';
import { say, startTestApp, type TestApp } from '../support/app';

/** Transcript tests: the real bot over HTTP, one conversation per test, asserting each reply. */
describe('core dialogs', () => {
  let t: TestApp;
  let text: (key: string, vars?: Record<string, string | number>) => string;
  beforeAll(async () => {
    t = await startTestApp();
    text = (key, vars) => t.app.services.content.text(key, vars);
  });
  afterAll(async () => t.stop());

  const conversation = (id: string) => (message: string) =>
    say(t.baseUrl, message, { conversationId: id, userId: `${id}-person` });

  test('menu by number, by label and by synonym; unknown answers get a friendly re-ask', async () => {
    const chat = conversation('menu');
    await chat('hi');
    expect(await chat('2')).toEqual([text('about.text'), text('menu.prompt')]);
    expect(await chat('Get support now')).toEqual([text('support.text'), text('menu.prompt')]);
    expect(await chat('hotline')).toEqual([text('support.text'), text('menu.prompt')]);
    expect(await chat('purple elephant')).toEqual([text('menu.reprompt')]);
    expect(await chat('two')).toEqual([text('about.text'), text('menu.prompt')]);
  });

  test('help works in the middle of a prompt and returns to it', async () => {
    const chat = conversation('help');
    await chat('hi');
    expect(await chat('help')).toEqual([text('help.text'), text('menu.prompt')]);
    expect(await chat('1')).toEqual([text('support.text'), text('menu.prompt')]);
  });

  test('start over cancels the dialog and shows the menu; the welcome is not repeated', async () => {
    const chat = conversation('restart');
    const first = await chat('hello');
    expect(first).toContain(text('welcome.greeting'));
    expect(await chat('Start over!')).toEqual([text('help.startOver.done'), text('menu.prompt')]);
    expect(await chat('hello again')).toEqual([text('intents.greeting'), text('menu.prompt')]);
  });

  test('two conversations do not share dialog state', async () => {
    const a = conversation('iso-a');
    const b = conversation('iso-b');
    await a('hi');
    await b('hi');
    expect(await a('1')).toEqual([text('support.text'), text('menu.prompt')]);
    expect(await b('2')).toEqual([text('about.text'), text('menu.prompt')]);
  });

  test('two messages from one person at the same instant are both processed, in order', async () => {
    const chat = conversation('simultaneous');
    await chat('hi');
    const [first, second] = await Promise.all([chat('1'), chat('2')]);
    expect(first).toEqual([text('support.text'), text('menu.prompt')]);
    expect(second).toEqual([text('about.text'), text('menu.prompt')]);
  });
});

describe('turn errors', () => {
  test('a failing turn tells the person plainly, logs an error id only, resets the dialog and keeps the profile', async () => {
    const t = await startTestApp();
    const chat = (m: string) => say(t.baseUrl, m, { conversationId: 'broken', userId: 'broken-person' });
    await chat('hi');
    const content = t.app.services.content;
    const originalText = content.text.bind(content);
    let fail = true;
    jest.spyOn(content, 'text').mockImplementation((key, vars) => {
      if (fail && key === 'support.text') throw new Error('boom with private words');
      return originalText(key, vars);
    });
    const replies = await chat('1');
    expect(replies).toHaveLength(1);
    const errorId = /code: (\w+)/.exec(replies[0])?.[1];
    expect(errorId).toBeDefined();
    expect(replies[0]).toBe(originalText('errors.generic', { errorId: errorId! }));
    const logged = t.logs.lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'turn failed');
    expect(logged.errorId).toBe(errorId);
    expect(t.logs.text).not.toContain('private words');

    fail = false;
    // The dialog was reset, but the person is not welcomed again: their profile was kept.
    const after = await chat('hello');
    expect(after).toEqual([originalText('menu.prompt')]);
    await t.stop();
  });

  test('a first turn that fails still records the person, so retention reaches anything the turn stored', async () => {
    const t = await startTestApp();
    const content = t.app.services.content;
    const originalText = content.text.bind(content);
    const spy = jest.spyOn(content, 'text').mockImplementation((key, vars) => {
      if (key === 'welcome.greeting') throw new Error('boom');
      return originalText(key, vars);
    });
    const replies = await say(t.baseUrl, 'hi', { conversationId: 'first-fail', userId: 'first-fail-person' });
    expect(replies[0]).toMatch(/code: \w+/);
    expect(await t.app.services.store.people.get('test:first-fail-person')).toMatchObject({
      personId: 'test:first-fail-person',
      channelId: 'test',
    });
    spy.mockRestore();
    await t.stop();
  });

  test('a steady chat records the visit once per resolution and conversation; deleting their data starts over', async () => {
    const t = await startTestApp();
    const people = t.app.services.store.people;
    const visits: string[][] = [];
    const seen = people.seen.bind(people);
    jest.spyOn(people, 'seen').mockImplementation(async (personId, channelId, keys, at) => {
      visits.push(keys);
      return seen(personId, channelId, keys, at);
    });
    const options = { conversationId: 'steady', userId: 'steady-person' };
    for (const message of ['hi', 'help', 'privacy']) await say(t.baseUrl, message, options);
    expect(visits).toEqual([['test/users/steady-person/', 'test/conversations/steady/']]);

    // Another conversation links its own key at once; back in the first one, it is recorded again.
    await say(t.baseUrl, 'help', { ...options, conversationId: 'steady-2' });
    await say(t.baseUrl, 'help', options);
    expect(visits.map((keys) => keys[1])).toEqual([
      'test/conversations/steady/',
      'test/conversations/steady-2/',
      'test/conversations/steady/',
    ]);

    t.clock.set(new Date(t.clock.now().getTime() + LAST_SEEN_RESOLUTION_MS + 60_000));
    await say(t.baseUrl, 'help', options);
    expect(visits).toHaveLength(4);
    expect((await people.get('test:steady-person'))?.lastSeenAt).toBe(t.clock.now().toISOString());

    await say(t.baseUrl, 'delete my data', options);
    await say(t.baseUrl, 'yes', options);
    expect(await people.get('test:steady-person')).toBeUndefined();
    await say(t.baseUrl, 'hi', options);
    expect(visits).toHaveLength(5);
    expect(await people.get('test:steady-person')).toMatchObject({ personId: 'test:steady-person' });
    await t.stop();
  });
});
