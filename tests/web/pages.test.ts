import { readFileSync } from 'node:fs';
import { get, type IncomingMessage } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { MAX_TEXT_CHARS } from '../../src/platform/channels/inboundActivity';
import { pickEncoding } from '../../src/platform/web/assets';
import { escapeHtml, fillTemplate, textWithLinks } from '../../src/platform/web/pages';
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
    for (const key of [
      'webpage.title',
      'webpage.tagline',
      'webpage.startFresh',
      'webpage.privacyLink',
      'webpage.connecting',
    ]) {
      expect(html).toContain(escapeHtml(text(key)));
    }
    // Web Chat's bundle downloads from the start (preload); the page script runs it once the first messages show.
    expect(html).toMatch(/<link rel="preload" href="\/webchat\/webchat\.[0-9a-f]{12}\.js" as="script" ?\/?>/);
    expect(html).toMatch(/<script src="\/static\/steady-chat\.[0-9a-f]{12}\.js" defer><\/script>/);
    expect(html).toContain('href="/privacy"');
    // 988 beside 911 in the header, both as links a phone can call.
    expect(html).toContain('<a href="tel:911">911</a>');
    expect(html).toContain('<a href="tel:988">988</a>');
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
    const config = JSON.parse(/<script type="application\/json" id="steady-config">(.*?)<\/script>/s.exec(html)![1]);
    expect(config).toEqual({
      tokenUrl: '/api/directline/token',
      webChatScript: expect.stringMatching(/^\/webchat\/webchat\.[0-9a-f]{12}\.js$/),
      maxLength: MAX_TEXT_CHARS,
      text: {
        startFreshConfirm: text('webpage.startFreshConfirm'),
        connectError: text('webpage.connectError'),
        dataDeleted: text('webpage.dataDeleted'),
        tooLong: t.app.services.content.text('webpage.tooLong', { max: '4,000' }),
      },
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

  const assetUrls = async (): Promise<Record<string, string>> => {
    const html = await (await fetch(`${t.baseUrl}/`)).text();
    const urls = [...html.matchAll(/(?:src|href)="(\/(?:static|webchat)\/[^"]+)"/g)].map((m) => m[1]);
    return Object.fromEntries(urls.map((url) => [url.replace(/\.[0-9a-f]{12}(\.\w+)$/, '$1'), url]));
  };
  // fetch would decompress by itself; node:http shows what went over the wire.
  const raw = (path: string, acceptEncoding: string) =>
    new Promise<{ encoding?: string; cacheControl?: string; body: Buffer }>((resolve, reject) => {
      get(`${t.baseUrl}${path}`, { headers: { 'accept-encoding': acceptEncoding } }, (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            encoding: res.headers['content-encoding'],
            cacheControl: res.headers['cache-control'],
            body: Buffer.concat(chunks),
          }),
        );
      }).on('error', reject);
    });

  test('the Web Chat bundle comes from node_modules under a content-hashed name, cached for a year, brotli or gzip on the wire, under 1 MB', async () => {
    const bundle = readFileSync(join(__dirname, '../../node_modules/botframework-webchat/dist/webchat.js'));
    const url = (await assetUrls())['/webchat/webchat.js'];
    const plain = await fetch(`${t.baseUrl}${url}`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(Buffer.from(await plain.arrayBuffer()).equals(bundle)).toBe(true);

    const gzipped = await raw(url, 'gzip');
    expect(gzipped.encoding).toBe('gzip');
    expect(gzipped.body.length).toBeLessThan(1_000_000);
    expect(gunzipSync(gzipped.body).equals(bundle)).toBe(true);

    // Brotli may still be in the making on the very first start (then gzip goes out): ask until it comes.
    let brotli = await raw(url, 'gzip, deflate, br');
    for (let i = 0; i < 120 && brotli.encoding !== 'br'; i++) {
      await new Promise((r) => setTimeout(r, 500));
      brotli = await raw(url, 'gzip, deflate, br');
    }
    expect(brotli.encoding).toBe('br');
    expect(brotli.cacheControl).toBe('public, max-age=31536000, immutable');
    expect(brotli.body.length).toBeLessThan(gzipped.body.length);
    expect(brotliDecompressSync(brotli.body).equals(bundle)).toBe(true);
  }, 90_000);

  test.each(['/static/steady.css', '/static/steady-chat.js', '/static/favicon.svg'])(
    '%s is served under its hashed name',
    async (name) => {
      const url = (await assetUrls())[name];
      expect(url).toMatch(/\.[0-9a-f]{12}\.\w+$/);
      const response = await fetch(`${t.baseUrl}${url}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toContain('immutable');
      expect((await response.text()).length).toBeGreaterThan(100);
    },
  );

  test('an old or wrong hash is 404, so a stale page never gets a mismatched file', async () => {
    expect((await fetch(`${t.baseUrl}/webchat/webchat.000000000000.js`)).status).toBe(404);
    expect((await fetch(`${t.baseUrl}/static/steady-chat.js`)).status).toBe(404);
  });

  test('an unknown static file is 404', async () => {
    expect((await fetch(`${t.baseUrl}/static/../../package.json`)).status).toBe(404);
    expect((await fetch(`${t.baseUrl}/static/other.js`)).status).toBe(404);
  });
});

describe('textWithLinks', () => {
  test('keeps tel:, sms: and https links, escapes the words, and drops any other link target', () => {
    expect(textWithLinks('Call [911](tel:911) or text [988](sms:988) & see [this](https://findtreatment.gov).')).toBe(
      'Call <a href="tel:911">911</a> or text <a href="sms:988">988</a> &amp; see <a href="https://findtreatment.gov">this</a>.',
    );
    expect(textWithLinks('[bad](javascript:alert(1)) [<b>](http://x.example)')).toBe('bad) &lt;b&gt;');
  });
});

describe('pickEncoding', () => {
  test.each([
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['identity', undefined],
    [undefined, undefined],
  ])('%s -> %s', (header, expected) => {
    expect(pickEncoding(header)).toBe(expected);
  });
});

describe('fillTemplate', () => {
  test('escapes {{text}}, keeps {{{markup}}}, and refuses a missing value', () => {
    expect(fillTemplate('<p>{{a}}</p>{{{b}}}', { a: '<b>"x" & y</b>', b: '<i>ok</i>' })).toBe(
      '<p>&lt;b&gt;&quot;x&quot; &amp; y&lt;/b&gt;</p><i>ok</i>',
    );
    expect(() => fillTemplate('{{missing}}', {})).toThrow('missing');
  });
});
