import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/platform/config';
import { createChatModel } from '../../src/platform/nlu/model';

/** A fake OpenAI-compatible endpoint on loopback: the true edge of the model seam. */
function fakeEndpoint(
  handler: (body: any) => { status: number; body: unknown; delayMs?: number },
): Promise<{ server: Server; url: string; requests: any[] }> {
  const requests: any[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const body = JSON.parse(raw);
      requests.push({ path: req.url, auth: req.headers.authorization, body });
      const answer = handler(body);
      const timer = setTimeout(() => {
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer.body));
      }, answer.delayMs ?? 0);
      res.on('close', () => clearTimeout(timer));
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, requests }),
    ),
  );
}

describe('the optional chat model', () => {
  test('no LLM_BASE_URL: no model (the default)', async () => {
    expect(await createChatModel(loadConfig({}).llm)).toBeUndefined();
  });

  test('LLM_BASE_URL without LLM_MODEL is refused at start', () => {
    expect(() => loadConfig({ LLM_BASE_URL: 'http://127.0.0.1:11434/v1' })).toThrow(/LLM_MODEL/);
  });

  test('calls /chat/completions with roles, model, key, and returns the text', async () => {
    const fake = await fakeEndpoint(() => ({
      status: 200,
      body: { choices: [{ message: { content: 'plain answer' } }] },
    }));
    const config = loadConfig({ LLM_BASE_URL: fake.url, LLM_MODEL: 'tiny', LLM_API_KEY: 'k1' });
    const model = (await createChatModel(config.llm))!;
    const reply = await model.invoke([new SystemMessage('be brief'), new HumanMessage('hello')]);
    expect(reply.text).toBe('plain answer');
    expect(fake.requests[0].path).toBe('/v1/chat/completions');
    expect(fake.requests[0].auth).toBe('Bearer k1');
    expect(fake.requests[0].body).toMatchObject({
      model: 'tiny',
      messages: [
        { role: 'system', content: 'be brief' },
        { role: 'user', content: 'hello' },
      ],
    });
    fake.server.close();
  });

  test('a slow endpoint times out and an error status rejects', async () => {
    const slow = await fakeEndpoint(() => ({
      status: 200,
      body: { choices: [{ message: { content: 'late' } }] },
      delayMs: 1500,
    }));
    const model = (await createChatModel(
      loadConfig({ LLM_BASE_URL: slow.url, LLM_MODEL: 'm', LLM_TIMEOUT_MS: '200' }).llm,
    ))!;
    await expect(model.invoke('hi')).rejects.toThrow();
    slow.server.closeAllConnections();
    slow.server.close();

    const broken = await fakeEndpoint(() => ({ status: 500, body: { error: 'x' } }));
    const model2 = (await createChatModel(loadConfig({ LLM_BASE_URL: broken.url, LLM_MODEL: 'm' }).llm))!;
    await expect(model2.invoke('hi')).rejects.toThrow(/500/);
    broken.server.close();
  });
});
