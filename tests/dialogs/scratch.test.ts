import { say, startTestApp } from '../support/app';
test('scratch', async () => {
  const t = await startTestApp();
  const chat = (m: string) => say(t.baseUrl, m, { conversationId: 'c', userId: 'u' });
  for (const m of ['hi', '3', 'powder', 'since March 2024', 'yes', '2 teaspoons', 'yes', '15g 3 times a day', 'yes', 'yes', 'dunno', 'none', 'skip', 'I went back on day 3', 'stop', '90210', 'looks right', '1', '2', '5']) {
    console.log('>>', m, '\n', (await chat(m)).join('\n---\n'));
  }
  await t.stop();
});
