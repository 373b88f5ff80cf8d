import Database from 'better-sqlite3';
import { linksAsPlainText } from '../../src/platform/channels/renderers/shared';
import { messageActivity, postActivity, say, startTestApp, type TestApp, withTestApp } from '../support/app';

/** The safety net over real HTTP: every message, every channel, before commands and dialogs. */
describe('crisis safety net', () => {
  let t: TestApp;
  let text: (key: string, vars?: Record<string, string | number>) => string;
  let n = 0;
  beforeAll(async () => {
    t = await startTestApp();
    text = (key, vars) => t.app.services.content.text(key, vars);
  });
  afterAll(async () => t.stop());

  /** A fresh person who has seen the welcome and is at the menu. */
  async function atMenu(channelId = 'test') {
    const options = { conversationId: `safety-${++n}`, userId: `safety-person-${n}`, channelId };
    await say(t.baseUrl, 'hi', options);
    return {
      options,
      chat: (message: string) => say(t.baseUrl, message, options),
      personId: `${channelId}:${options.userId}`,
    };
  }

  const suicideReply = () =>
    ['safety.suicide.text', 'safety.suicide.reachOut', 'safety.suicide.danger', 'safety.suicide.botNote'].map((k) =>
      text(k),
    );
  const medicalReply = () => ['safety.medical.text', 'safety.medical.poison'].map((k) => text(k));
  const severeReply = () =>
    ['safety.severeWithdrawal.text', 'safety.severeWithdrawal.help', 'safety.severeWithdrawal.danger'].map((k) =>
      text(k),
    );

  test('the responses carry the US resources from content/en/messages/resources.yaml', () => {
    expect(medicalReply().join(' ')).toMatch(/call \[911\]\(tel:911\) now/);
    expect(medicalReply().join(' ')).toContain('1-800-222-1222');
    expect(suicideReply().join(' ')).toContain('Call [988](tel:988) or [text 988](sms:988)');
    expect(suicideReply().join(' ')).toContain('988lifeline.org');
    expect(severeReply().join(' ')).toMatch(/medical care today/);
    expect(text('support.text')).toContain(text('resources.crisisLine'));
  });

  test('thoughts of suicide: a warm 988 answer, the turn stops, and the menu waits where it was', async () => {
    const { chat } = await atMenu();
    expect(await chat('I want to kill myself')).toEqual([...suicideReply(), text('safety.returnLine')]);
    expect(await chat('2')).toEqual([text('about.text'), text('menu.prompt')]);
  });

  test('a medical emergency: 911 now and Poison Control', async () => {
    const { chat } = await atMenu();
    expect(await chat("my boyfriend took kratom and xanax and I can't wake him up")).toEqual([
      ...medicalReply(),
      text('safety.returnLine'),
    ]);
  });

  test('an overdose that was also meant as self-harm gets both 911 and 988', async () => {
    const { chat } = await atMenu();
    const replies = await chat("I took all my pills, I don't want to live anymore");
    expect(replies).toEqual([...medicalReply(), text('safety.medical.alsoSuicide'), text('safety.returnLine')]);
  });

  test('severe withdrawal warning signs: get care today', async () => {
    const { chat } = await atMenu();
    expect(await chat("I've been throwing up for two days and can't keep water down")).toEqual([
      ...severeReply(),
      text('safety.returnLine'),
    ]);
  });

  test('someone worried about another person hears that 988 helps them too', async () => {
    const { chat } = await atMenu();
    const replies = await chat('my brother keeps saying he wants to kill himself');
    expect(replies).toContain(text('safety.suicide.someoneElse'));
  });

  test('ambiguous words get a gentle direct question with buttons; "no" is thanked and the menu returns', async () => {
    const { options, chat } = await atMenu();
    const { replies } = await postActivity(t.baseUrl, messageActivity("I can't do this anymore", options));
    expect(replies.map((r) => r.text)).toEqual([text('safety.ambiguous.question')]);
    expect(replies[0].suggestedActions?.actions.map((a) => a.title)).toEqual(
      ['yes', 'unsure', 'body', 'no'].map((v) => text(`safety.ambiguous.options.${v}`)),
    );
    expect(await chat("No, I'm safe")).toEqual([
      text('safety.ambiguous.safe'),
      text('safety.backToQuestion'),
      text('menu.prompt'),
    ]);
  });

  test.each([
    ['yes', () => [...suicideReply()]],
    ["I'm not sure", () => [text('safety.ambiguous.unsure'), ...suicideReply()]],
    ['my body feels very sick', () => [...severeReply()]],
  ])('to the check question, "%s" decides the path', async (answer, expected) => {
    const { chat } = await atMenu();
    await chat("I can't do this anymore");
    expect(await chat(answer)).toEqual([...expected(), text('safety.returnLine')]);
  });

  test('an answer that fits no button is asked again once, then treated as "not sure" (support, never a loop)', async () => {
    const { chat } = await atMenu();
    await chat("I can't take it anymore");
    expect(await chat('purple')).toEqual([text('safety.ambiguous.reprompt')]);
    expect(await chat('banana')).toEqual([
      text('safety.ambiguous.unsure'),
      ...suicideReply(),
      text('safety.returnLine'),
    ]);
  });

  test('saying something explicit while the check question waits replaces it with the full answer', async () => {
    const { chat } = await atMenu();
    await chat('I give up');
    expect(await chat('I want to die')).toEqual([...suicideReply(), text('safety.returnLine')]);
    expect(await chat('1')).toEqual([text('support.text'), text('menu.prompt')]);
  });

  test('in the middle of a dialog, the prompt that was waiting still takes its answer after a crisis answer', async () => {
    const { chat } = await atMenu();
    expect(await chat('delete my data')).toEqual([text('privacy.delete.confirm')]);
    // The turn stops at the crisis answer; the waiting question is not asked again in the same breath.
    expect(await chat("I can't breathe")).toEqual([...medicalReply(), text('safety.returnLine')]);
    expect(await chat('no')).toEqual([text('privacy.delete.kept'), text('menu.prompt')]);
  });

  test('the very first message is checked too: the welcome, then the answer, and no menu pushed on top', async () => {
    const options = { conversationId: 'first-crisis', userId: 'first-crisis-person' };
    const replies = await say(t.baseUrl, 'im gonna kms', options);
    expect(replies).toEqual([
      text('welcome.greeting'),
      text('welcome.notClinician'),
      text('privacy.notice'),
      ...suicideReply(),
    ]);
    expect(await say(t.baseUrl, 'hello', options)).toEqual([text('menu.prompt')]);
  });

  test.each(['directline', 'msteams', 'slack', 'sms'])('it runs the same on the %s channel', async (channelId) => {
    const { chat } = await atMenu(channelId);
    const replies = await chat('I am suicidal');
    // Slack's notification text and SMS show the numbers without markdown (tests/channels/tappableNumbers.test.ts).
    const shown = ['slack', 'sms'].includes(channelId) ? suicideReply().map(linksAsPlainText) : suicideReply();
    expect(replies.slice(0, 4)).toEqual(shown);
  });

  test('on a channel without buttons the check question is a numbered list, and a number answers it', async () => {
    const { chat } = await atMenu('sms');
    const [question] = await chat('I feel like I am dying');
    expect(question).toContain(text('safety.ambiguous.question'));
    expect(question).toContain(`3. ${text('safety.ambiguous.options.body')}`);
    expect((await chat('3')).slice(0, 3)).toEqual(severeReply().map(linksAsPlainText));
  });

  test('benign recovery talk that sounds dramatic goes to the dialog as usual', async () => {
    const { chat } = await atMenu();
    // The menu answers as it would any message (a re-ask, or an explainer for words it recognises); no safety response.
    const safetyTexts = new Set(
      t.app.services.content
        .entries()
        .filter(([key]) => key.startsWith('safety.'))
        .map(([, value]) => value),
    );
    for (const message of ["I'm killing it at work since I cut down", "I'm not suicidal, just tired"]) {
      const replies = await chat(message);
      expect(replies.length).toBeGreaterThan(0);
      expect(replies.filter((reply) => safetyTexts.has(reply))).toEqual([]);
    }
  });

  test('with consent the event is recorded as kind and time only; without consent nothing is recorded', async () => {
    const agreed = await atMenu();
    await t.app.services.store.consents.set(agreed.personId, 'granted', text('privacy.version'), t.clock.now());
    t.clock.set('2026-12-02T09:30:00Z');
    await agreed.chat('I want to end my life');
    await agreed.chat("I can't do this anymore");
    await agreed.chat('no');
    const events = await t.app.services.store.safetyEvents.listFor(agreed.personId);
    expect(events.map(({ kind, occurredAt }) => ({ kind, occurredAt }))).toEqual([
      { kind: 'suicide', occurredAt: '2026-12-02T09:30:00.000Z' },
      { kind: 'ambiguous', occurredAt: '2026-12-02T09:30:00.000Z' },
    ]);

    const declined = await atMenu();
    await t.app.services.store.consents.set(declined.personId, 'declined', text('privacy.version'), t.clock.now());
    await declined.chat('I want to end my life');
    const stranger = await atMenu();
    await stranger.chat('I want to end my life');
    expect(await t.app.services.store.safetyEvents.listFor(declined.personId)).toEqual([]);
    expect(await t.app.services.store.safetyEvents.listFor(stranger.personId)).toEqual([]);

    const db = new Database(t.dbFile, { readonly: true });
    const rows = JSON.stringify(db.prepare('SELECT * FROM safety_events').all());
    db.close();
    expect(rows).not.toMatch(/end my life|craving/);
  });

  test('the log says which kind of answer was given, never the words or who said them', async () => {
    const { chat, options } = await atMenu();
    await chat('I want to kill myself tonight');
    const logged = t.logs.lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'safety net responded');
    expect(logged.length).toBeGreaterThan(0);
    expect(logged.some((l) => l.kind === 'suicide')).toBe(true);
    expect(t.logs.text).not.toContain('kill myself');
    expect(t.logs.text).not.toContain(options.userId);
  });
});

describe('an optional caution model', () => {
  test('can add a check question where the lexicon found nothing, and is ignored when it fails', async () => {
    const concernedAbout = new Set(['the lights are going out']);
    const cautionModel = {
      name: 'fake',
      concerned: async (message: string) => {
        if (message === 'boom') throw new Error('model down');
        return concernedAbout.has(message);
      },
    };
    await withTestApp({ overrides: { cautionModel } }, async (t) => {
      const options = { conversationId: 'model', userId: 'model-person' };
      await say(t.baseUrl, 'hi', options);
      const content = t.app.services.content;
      expect(await say(t.baseUrl, 'the lights are going out', options)).toEqual([
        content.text('safety.ambiguous.question'),
      ]);
      expect(await say(t.baseUrl, 'no', options)).toContain(content.text('safety.ambiguous.safe'));
      expect(await say(t.baseUrl, 'boom', options)).toEqual([content.text('menu.reprompt')]);
    });
  });
});
