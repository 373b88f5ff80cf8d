import { postActivity, say, withTestApp } from '../support/app';

/**
 * A full conversation, at the most talkative log level, with doses, a ZIP code and a crisis in it:
 * the captured logs must hold none of what the person typed.
 */
describe('log hygiene', () => {
  test('logs carry ids and kinds only: no message text, no doses, no ZIP codes', async () => {
    await withTestApp({ env: { LOG_LEVEL: 'trace' } }, async (t) => {
      const options = { conversationId: 'hygiene-conversation', userId: 'hygiene-person' };
      const conversation = [
        'hello there',
        'help',
        '2',
        'I take 15 g a day, sometimes 15g twice',
        'my zip code is 90210',
        'I went from 3 grams to 22.5 grams over two years',
        'privacy',
        "honestly I can't do this anymore",
        'no',
        'I mixed kratom with xanax and I feel really wrong',
        'export my data',
        'purple elephant 90210',
        'start over',
        'delete my data',
        'no',
        'delete my data',
        'yes',
        'hello again after 15 g',
      ];
      const version = t.app.services.content.text('privacy.version');
      await t.app.services.store.consents.set('test:hygiene-person', 'granted', version, t.clock.now());
      for (const message of conversation) await say(t.baseUrl, message, options);
      // Refused requests carrying the same words are logged without them too.
      await postActivity(t.baseUrl, '{"type":"message","text":"my dose is 15 g and my zip is 90210",');
      await postActivity(t.baseUrl, { type: 'message', text: 'dose 15 g zip 90210 \u0000' });

      const logs = t.logs.text;
      for (const line of t.logs.lines) expect(() => JSON.parse(line)).not.toThrow();
      expect(logs).toContain('safety net responded');
      expect(logs).toContain('personal data exported on request');
      expect(logs).toContain('personal data deleted on request');
      expect(logs).toContain('request refused');

      expect(logs).not.toMatch(/\b15 ?g\b/i);
      expect(logs).not.toMatch(/22\.5/);
      expect(logs).not.toMatch(/\bgrams?\b/i);
      expect(logs).not.toContain('90210');
      expect(logs).not.toContain('xanax');
      for (const message of conversation.filter((m) => m.length > 4)) expect(logs).not.toContain(message);
      for (const word of ['elephant', 'honestly', 'anymore', 'mixed', 'zip code']) expect(logs).not.toContain(word);
    });
  });
});
