import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/platform/config';
import { say, startTestApp, type TestApp } from '../support/app';

/**
 * Issue 20, item 6: the optional model screen, against a fake OpenAI-compatible server on loopback.
 * The model only sees messages the rules did not flag, and can only add the direct safety question.
 */
interface FakeModel {
  url: string;
  screened: string[];
  close(): Promise<void>;
}

async function startFakeModel(): Promise<FakeModel> {
  const screened: string[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const request = JSON.parse(body) as { messages: Array<{ role: string; content: string }> };
      const isScreen = request.messages[0]?.content.includes('You screen messages');
      const text = request.messages.at(-1)?.content ?? '';
      if (isScreen) screened.push(text);
      if (isScreen && text.includes('slow')) return; // never answers: the screen's timeout has to end the wait
      if (isScreen && text.includes('boom')) {
        res.statusCode = 500;
        res.end();
        return;
      }
      const answer = isScreen && /lights are going out/.test(text) ? 'CONCERN' : 'OK';
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ choices: [{ message: { content: answer } }] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    screened,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('the optional model screen', () => {
  let fake: FakeModel;
  let t: TestApp;
  let n = 0;
  const text = (key: string) => t.app.services.content.text(key);
  const person = () => ({ conversationId: `screen-${++n}`, userId: `screen-person-${n}` });

  beforeAll(async () => {
    fake = await startFakeModel();
    t = await startTestApp({
      env: { LLM_BASE_URL: fake.url, LLM_MODEL: 'fake', SAFETY_MODEL_SCREEN: 'true', SAFETY_MODEL_TIMEOUT_MS: '300' },
    });
  });
  afterAll(async () => {
    await t.stop();
    await fake.close();
  });

  test('a message the rules miss and the model flags gets the direct safety question', async () => {
    const options = person();
    await say(t.baseUrl, 'hi', options);
    expect(await say(t.baseUrl, 'the lights are going out', options)).toEqual([text('safety.ambiguous.question')]);
    expect(fake.screened).toContain('the lights are going out');
    const logged = t.logs.lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'safety net responded');
    expect(logged.at(-1)?.signals).toEqual(['model.concern']);
  });

  test('the model cannot lower the rules: a flagged message is answered by the rules and never sent to it', async () => {
    const options = person();
    await say(t.baseUrl, 'hi', options);
    const replies = await say(t.baseUrl, 'i want to end my life', options);
    expect(replies.some((r) => r.includes(text('resources.crisisLine')))).toBe(true);
    expect(fake.screened).not.toContain('i want to end my life');
  });

  test('"OK", an error or no answer within the timeout leaves the turn as it was', async () => {
    const options = person();
    await say(t.baseUrl, 'hi', options);
    const question = text('safety.ambiguous.question');
    expect(await say(t.baseUrl, 'purple elephant', options)).not.toContain(question);
    expect(await say(t.baseUrl, 'boom', options)).not.toContain(question);
    const started = Date.now();
    expect(await say(t.baseUrl, 'slow purple', options)).not.toContain(question);
    expect(fake.screened).toEqual(expect.arrayContaining(['purple elephant', 'boom', 'slow purple']));
    expect(Date.now() - started).toBeLessThan(3000);
  });

  test("the bot's own button labels are not sent to the model", async () => {
    const options = person();
    await say(t.baseUrl, 'hi', options);
    await say(t.baseUrl, text('menu.options.about'), options);
    expect(fake.screened).not.toContain(text('menu.options.about'));
  });
});

describe('the model screen is off by default', () => {
  test('config: unset means off; on without a model fails fast naming the variable', () => {
    expect(loadConfig({ LLM_BASE_URL: 'http://127.0.0.1:9/v1', LLM_MODEL: 'm' }).safetyModelScreen).toBeUndefined();
    expect(
      loadConfig({ LLM_BASE_URL: 'http://127.0.0.1:9/v1', LLM_MODEL: 'm', SAFETY_MODEL_SCREEN: 'true' })
        .safetyModelScreen,
    ).toEqual({ timeoutMs: 1500 });
    expect(() => loadConfig({ SAFETY_MODEL_SCREEN: 'true' })).toThrow(/SAFETY_MODEL_SCREEN/);
  });

  test('with a model configured but the screen off, no message is screened', async () => {
    const fake = await startFakeModel();
    const t = await startTestApp({ env: { LLM_BASE_URL: fake.url, LLM_MODEL: 'fake' } });
    try {
      const options = { conversationId: 'screen-off', userId: 'screen-off-person' };
      await say(t.baseUrl, 'hi', options);
      expect(await say(t.baseUrl, 'the lights are going out', options)).not.toContain(
        t.app.services.content.text('safety.ambiguous.question'),
      );
      expect(fake.screened).toEqual([]);
    } finally {
      await t.stop();
      await fake.close();
    }
  });
});
