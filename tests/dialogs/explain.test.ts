import { FakeListChatModel } from '@langchain/core/utils/testing';
import { messageActivity, postActivity, say, startTestApp, type TestApp } from '../support/app';

/** The explain conversation over real HTTP: menu entry, questions at the menu, the explain command, depth, menus. */
describe('explain conversation', () => {
  let t: TestApp;
  let text: (key: string, vars?: Record<string, string | number>) => string;
  beforeAll(async () => {
    t = await startTestApp();
    text = (key, vars) => t.app.services.content.text(key, vars);
  });
  afterAll(async () => t.stop());

  const conversation = (id: string) => (message: string) =>
    say(t.baseUrl, message, { conversationId: id, userId: `${id}-person` });
  const topic = (id: string) => t.app.services.content.explainer(id);

  test('from the menu: the topic menu, a topic by its title, then "tell me more" through every section', async () => {
    const chat = conversation('explain-menu');
    await chat('hi');
    const menu = await postActivity(
      t.baseUrl,
      messageActivity('Understand my tolerance', { conversationId: 'explain-menu', userId: 'explain-menu-person' }),
    );
    expect(menu.replies.map((r) => r.text)).toEqual([text('explain.ask')]);
    expect(menu.replies[0].suggestedActions?.actions.map((a) => a.title)).toEqual([
      ...t.app.services.content.explainers().map((e) => e.title),
      text('explain.choices.done'),
    ]);
    const sweet = topic('sweet-spot');
    expect(await chat(sweet.title)).toEqual([sweet.summary]);
    for (const section of sweet.sections.slice(0, -1)) expect(await chat('Tell me more')).toEqual([section.text]);
    expect(await chat('tell me more')).toEqual([sweet.sections.at(-1)!.text, text('explain.noMore')]);
    expect(await chat('Done')).toEqual([text('explain.done'), text('menu.prompt')]);
  });

  test('"why do I need more now?" is the explain command: the explainer, with "tell me more"', async () => {
    const chat = conversation('explain-q-tolerance');
    await chat('hi');
    expect(await chat('why do I need more now?')).toEqual([topic('tolerance-basics').summary]);
    expect(await chat('more')).toEqual([topic('tolerance-basics').sections[0].text]);
  });

  test.each([
    ['does switching strains help?', 'strains.switchStrains'],
    ['what is 7-OH?', 'sevenOh.whatIs7oh'],
    ['how long does withdrawl last', 'withdrawal.timeline'],
  ])('a question typed at the menu is answered from the question bank, then the menu: %s', async (question, bankId) => {
    const chat = conversation(`explain-q-${bankId}`);
    await chat('hi');
    expect(await chat(question)).toEqual([text(`questions.bank.${bankId}.answer`), text('menu.prompt')]);
  });

  test('an unclear question gets a short topic menu; an off-topic one an honest "I can help with"', async () => {
    const chat = conversation('explain-unclear');
    await chat('hi');
    await chat('explain');
    const unclear = await postActivity(
      t.baseUrl,
      messageActivity('kratom and my brain and liver?', {
        conversationId: 'explain-unclear',
        userId: 'explain-unclear-person',
      }),
    );
    expect(unclear.replies.map((r) => r.text)).toEqual([text('explain.unclear')]);
    const labels = unclear.replies[0].suggestedActions!.actions.map((a) => a.title);
    expect(labels).toEqual(
      expect.arrayContaining([topic('receptors').title, topic('liver-enzymes').title, text('explain.choices.none')]),
    );
    expect(labels.length).toBeLessThanOrEqual(4);
    expect(await chat(topic('liver-enzymes').title)).toEqual([topic('liver-enzymes').summary]);

    // At the menu, a question nothing answers gets an honest answer and who can help, never a bare "didn't get that".
    const other = conversation('explain-off');
    await other('hi');
    expect(await other('what is the capital of France?')).toEqual([text('questions.unknown'), text('menu.prompt')]);
    expect(await other('purple elephant')).toEqual([text('menu.reprompt')]);
  });

  test('"explain <question>" and "explain" work at any time; a new question inside the conversation is answered too', async () => {
    const chat = conversation('explain-cmd');
    await chat('hi');
    expect(await chat('explain 7-OH')).toEqual([topic('seven-oh').summary]);
    expect(await chat('and what about extracts?')).toEqual([topic('extracts').summary]);
    // A question that contains a button's word ("more") is a question, not the button.
    expect(await chat('why do I need more now?')).toEqual([topic('tolerance-basics').summary]);
    expect(await chat('more')).toEqual([topic('tolerance-basics').sections[0].text]);
    expect(await chat('explain')).toEqual([text('explain.ask')]);
    expect(await chat('should I see a docter')).toEqual([topic('prescriber').summary]);
    expect(await chat('thanks')).toEqual([text('explain.done'), text('menu.prompt')]);
  });

  test('logs name the topic and the match, never the question', async () => {
    const chat = conversation('explain-logs');
    await chat('hi');
    await chat('explain');
    await chat('is maeng da better than bali?');
    const logged = t.logs.lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'explain question');
    expect(logged).toContainEqual(expect.objectContaining({ match: 'match', topic: 'strain-rotation' }));
    expect(t.logs.text).not.toContain('maeng');
  });
});

describe('explain with a chat model configured', () => {
  const question = 'why do I need more now?';

  test('a good rephrasing is shown; a bad one falls back to the verbatim answer', async () => {
    const good =
      'You need more now because your body has adjusted to kratom. Your brain responds less, and your liver clears it faster. This is not weak will.';
    const bad =
      'Your body has adjusted to kratom, so each dose does less. Take 20 grams less each day, and ask your doctor for methadone.';
    const t = await startTestApp({ overrides: { model: new FakeListChatModel({ responses: [good, bad] }) } });
    const summary = t.app.services.content.explainer('tolerance-basics').summary;
    const chat = (m: string, c: string) => say(t.baseUrl, m, { conversationId: c, userId: `${c}-p` });
    await chat('hi', 'm1');
    expect(await chat(question, 'm1')).toEqual([good]);
    await chat('hi', 'm2');
    expect(await chat(question, 'm2')).toEqual([summary]);
    const phrasing = t.logs.lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'explainer phrasing');
    expect(phrasing.map((l) => [l.by, l.reason])).toEqual([
      ['model', undefined],
      ['verbatim', 'number not in the source'],
    ]);
    await t.stop();
  });
});
