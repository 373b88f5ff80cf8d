import { readFileSync } from 'node:fs';
import { get, type IncomingMessage } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { escapeHtml, fillTemplate } from '../../src/web/pages';
import { startTestApp, type TestApp } from '../support/app';

describe('the web page', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.stop());
  const text = (key: string) => t.app.services.content.text(key);

  test('GET / is the chat page: our texts from content, the Web Chat bundle from this server, a strict CSP', async () => {
    const response = await fetch(`${t.baseUrl}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    for (const key of ['webpage.title', 'webpage.tagline', 'webpage.startFresh', 'webpage.privacyLink', 'webpage.connecting']) {
      expect(html).toContain(escapeHtml(text(key)));
    }
    expect(html).toContain('<script src="/webchat/webchat.js" defer></script>');
    expect(html).toContain('href="/privacy"');
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
    const config = JSON.parse(/<script type="application\/json" id="steady-config">(.*?)<\/script>/s.exec(html)![1]);
    expect(config).toEqual({
      tokenUrl: '/api/directline/token',
      text: { startFreshConfirm: text('webpage.startFreshConfirm'), connectError: text('webpage.connectError') },
    });
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  test('GET /privacy shows the policy from content, paragraph by paragraph', async () => {
    const response = await fetch(`${t.baseUrl}/privacy`);
    expect(response.status).toBe(200);
    const html = await response.text();
    const paragraphs = text('privacy.page').split(/\n\s*\n/);
    expect(paragraphs.length).toBeGreaterThan(3);
    for (const paragraph of paragraphs) expect(html).toContain(`<p>${escapeHtml(paragraph.trim())}</p>`);
    expect(html).toContain(escapeHtml(text('webpage.backToChat')));
  });

  test('the Web Chat bundle comes from node_modules, gzipped when asked', async () => {
    const bundle = readFileSync(join(__dirname, '../../node_modules/botframework-webchat/dist/webchat.js'));
    const plain = await fetch(`${t.baseUrl}/webchat/webchat.js`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(Buffer.from(await plain.arrayBuffer()).equals(bundle)).toBe(true);

    const raw = await new Promise<{ encoding?: string; body: Buffer }>((resolve, reject) => {
      // fetch would unzip by itself; node:http shows what went over the wire.
      get(`${t.baseUrl}/webchat/webchat.js`, { headers: { 'accept-encoding': 'gzip' } }, (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
      }).on('error', reject);
    });
    expect(raw.encoding).toBe('gzip');
    expect(raw.body.length).toBeLessThan(bundle.length / 2);
    expect(gunzipSync(raw.body).equals(bundle)).toBe(true);
  });

  test.each(['/static/steady.css', '/static/steady-chat.js', '/static/favicon.svg'])('%s is served', async (path) => {
    const response = await fetch(`${t.baseUrl}${path}`);
    expect(response.status).toBe(200);
    expect((await response.text()).length).toBeGreaterThan(100);
  });

  test('an unknown static file is 404', async () => {
    expect((await fetch(`${t.baseUrl}/static/../../package.json`)).status).toBe(404);
    expect((await fetch(`${t.baseUrl}/static/other.js`)).status).toBe(404);
  });
});

describe('fillTemplate', () => {
  test('escapes {{text}}, keeps {{{markup}}}, and refuses a missing value', () => {
    expect(fillTemplate('<p>{{a}}</p>{{{b}}}', { a: '<b>"x" & y</b>', b: '<i>ok</i>' })).toBe('<p>&lt;b&gt;&quot;x&quot; &amp; y&lt;/b&gt;</p><i>ok</i>');
    expect(() => fillTemplate('{{missing}}', {})).toThrow('missing');
  });
});
