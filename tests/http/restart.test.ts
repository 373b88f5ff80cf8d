import { join } from 'node:path';
import { makeTempDir, postActivity, messageActivity, say } from '../support/app';
import { startServerProcess } from '../support/serverProcess';
import { loadContent } from '../../src/platform/content/loader';

const content = loadContent('en');

// Two cold starts of the server under tsx: on Node 24 each took about 13 s on a loaded CI machine.
const TWO_COLD_STARTS_MS = 90_000;

describe('the server as a process', () => {
  test(
    'kill -9 mid-conversation, restart: the conversation continues where it stopped',
    async () => {
      const dir = makeTempDir('restart-');
      const env = { PORT: '0', DATABASE_URL: `sqlite:${join(dir, 'coach.db')}` };
      const options = { conversationId: 'survivor', userId: 'survivor-person' };

      const first = await startServerProcess(env);
      expect(await say(first.baseUrl, 'hi', options)).toContain(content.text('menu.prompt'));
      expect(await first.kill('SIGKILL')).toBeNull();

      const second = await startServerProcess(env);
      // No second welcome, and the menu prompt that was waiting accepts the answer.
      expect(await say(second.baseUrl, '2', options)).toEqual([
        content.text('about.text'),
        content.text('menu.prompt'),
      ]);
      await second.kill('SIGTERM');
    },
    TWO_COLD_STARTS_MS,
  );

  test('SIGTERM shuts down cleanly with exit code 0', async () => {
    const dir = makeTempDir('sigterm-');
    const server = await startServerProcess({ PORT: '0', DATABASE_URL: `sqlite:${join(dir, 'coach.db')}` });
    const pending = postActivity(server.baseUrl, messageActivity('hello', { conversationId: 'term' }));
    const result = await pending;
    expect(result.status).toBe(200);
    expect(await server.kill('SIGTERM')).toBe(0);
    expect(server.output.join('\n')).toContain('shutting down');
  });
});
