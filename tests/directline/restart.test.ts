import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadContent } from '../../src/platform/content/loader';
import { makeTempDir, startTestApp } from '../support/app';
import { welcomeTexts } from '../support/app';
import { newSession, openConversation, textsOf } from '../support/directLineClient';

const WELCOME_COUNT = welcomeTexts(loadContent('en')).length;

const content = loadContent('en');

describe('history and resume survive a restart on the same SQLite file', () => {
  test.each([
    ['polling', false],
    ['WebSocket', true],
  ])('over %s', async (_label, webSocket) => {
    const dir = makeTempDir('dl-restart-');
    const first = await startTestApp({ dir });
    const session = await newSession(first.baseUrl);
    const before = openConversation({ domain: `${first.baseUrl}/v3/directline`, token: session.token, webSocket });
    await before.waitFor((r) => r.length >= WELCOME_COUNT, 'the welcome');
    await before.say('2');
    await before.waitFor((r) => r.length >= WELCOME_COUNT + 3, 'the answer');
    before.end();
    await first.stop();
    expect(existsSync(join(dir, 'directline-token-secret'))).toBe(true);

    // A new process on the same files (and a new port): the page's resume key still works.
    const second = await startTestApp({ dir });
    try {
      const resumed = await newSession(second.baseUrl, session.resume);
      expect(resumed).toMatchObject({ resumed: true, conversationId: session.conversationId, userId: session.userId });
      const after = openConversation({
        domain: `${second.baseUrl}/v3/directline`,
        token: resumed.token,
        webSocket,
        conversationId: resumed.conversationId,
      });
      await after.waitFor((r) => r.length >= WELCOME_COUNT + 3, 'the history');
      expect(after.received.map((a) => a.id)).toEqual(before.received.map((a) => a.id));
      // The dialog continues where it stopped: no second welcome, the menu takes the answer.
      await after.say('1');
      await after.waitFor((r) => r.length >= WELCOME_COUNT + 6, 'the next answer');
      expect(textsOf(after.received.slice(WELCOME_COUNT + 3))).toEqual([
        '1',
        content.text('support.text'),
        content.text('menu.prompt'),
      ]);
      after.end();
    } finally {
      await second.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
