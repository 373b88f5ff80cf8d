import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type restify from 'restify';
import { compressedCopy, type Encoding, hashAssets, type HashedAsset, pickEncoding } from './assets';
import type { Content } from '../content/Content';
import { MAX_TEXT_CHARS } from '../channels/inboundActivity';
import { ROOT_DIR } from '../paths';
import type { ServerMount } from '../http/mount';

const WEB_DIR = join(ROOT_DIR, 'src', 'platform', 'web');

/** A hashed URL never changes meaning, so browsers keep it for a year without asking again. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

export interface WebPageOptions {
  content: Content;
  tokenUrl: string;
  /** Extra origins the page may connect to (the Azure Direct Line domain when that option is on). */
  connectOrigins: string[];
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);

/** Fills {{key}} with escaped text and {{{key}}} with markup the caller already made safe. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\{?)(\w+)\}?\}\}/g, (_match, raw: string, key: string) => {
    if (!(key in values)) throw new Error(`Template value missing: ${key}`);
    return raw ? values[key] : escapeHtml(values[key]);
  });
}

/** JSON that is safe inside a <script type="application/json"> element. */
const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');

function contentSecurityPolicy(connectOrigins: string[]): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    // Web Chat adds its styles at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    ['connect-src', "'self'", ...connectOrigins].join(' '),
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Link targets the page's own texts may use: phone calls, text messages and secure web pages. */
const SAFE_HREF = /^(tel:\+?[0-9]+|sms:\+?[0-9]+|https:\/\/[^\s"'<>]+)$/;

/**
 * Content text with markdown links ([911](tel:911)) as HTML: the words escaped, a link kept only when
 * its target is a phone number, a text-message number or an https page.
 */
export function textWithLinks(text: string): string {
  let html = '';
  let last = 0;
  for (const match of text.matchAll(/\[([^\]]+)\]\(([^)\s]+)\)/g)) {
    html += escapeHtml(text.slice(last, match.index));
    const [, label, href] = match;
    html += SAFE_HREF.test(href) ? `<a href="${escapeHtml(href)}">${escapeHtml(label)}</a>` : escapeHtml(label);
    last = match.index + match[0].length;
  }
  return html + escapeHtml(text.slice(last));
}

interface ServedAsset {
  asset: HashedAsset;
  plain?: Promise<Buffer>;
  copies: Partial<Record<Encoding, Promise<Buffer>>>;
}

/** GET / (the chat page), GET /privacy and the page's static files. */
export function createWebPages(options: WebPageOptions): ServerMount {
  const { content } = options;
  const text = (key: string) => content.text(`webpage.${key}`);
  const assets = hashAssets();
  const urlOf = (name: string) => assets.find((a) => a.name === name)!.url;
  const chatPage = fillTemplate(readFileSync(join(WEB_DIR, 'templates', 'chat.html'), 'utf8'), {
    title: text('title'),
    name: text('name'),
    tagline: text('tagline'),
    emergency: textWithLinks(text('emergency')),
    menuLabel: text('menuLabel'),
    startFresh: text('startFresh'),
    privacyLink: text('privacyLink'),
    chatLabel: text('chatLabel'),
    connecting: text('connecting'),
    noscript: text('noscript'),
    styles: urlOf('steady.css'),
    icon: urlOf('favicon.svg'),
    webChatScript: urlOf('webchat.js'),
    pageScript: urlOf('steady-chat.js'),
    config: scriptJson({
      tokenUrl: options.tokenUrl,
      webChatScript: urlOf('webchat.js'),
      maxLength: MAX_TEXT_CHARS,
      text: {
        startFreshConfirm: text('startFreshConfirm'),
        connectError: text('connectError'),
        dataDeleted: text('dataDeleted'),
        tooLong: content.text('webpage.tooLong', { max: MAX_TEXT_CHARS.toLocaleString('en-US') }),
      },
    }),
  });
  const policy = content
    .text('privacy.page')
    .split(/\n\s*\n/)
    .map((paragraph) => `<p>${escapeHtml(paragraph.trim())}</p>`)
    .join('\n    ');
  const privacyPage = fillTemplate(readFileSync(join(WEB_DIR, 'templates', 'privacy.html'), 'utf8'), {
    privacyTitle: text('privacyTitle'),
    backToChat: text('backToChat'),
    styles: urlOf('steady.css'),
    icon: urlOf('favicon.svg'),
    policy,
  });
  const csp = contentSecurityPolicy(options.connectOrigins);

  const sendHtml = (res: restify.Response, html: string) => {
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-cache',
    });
    res.end(html);
  };

  const served: ServedAsset[] = assets.map((asset) => ({ asset, copies: {} }));
  const plainOf = (s: ServedAsset) => (s.plain ??= readFile(s.asset.file));
  const copyOf = (s: ServedAsset, encoding: Encoding) => {
    let copy = s.copies[encoding];
    if (!copy) {
      copy = s.copies[encoding] = plainOf(s).then((plain) => compressedCopy(s.asset, encoding, plain));
      copy.catch(() => delete s.copies[encoding]);
    }
    return copy;
  };
  const brotliReady = new Set<ServedAsset>();
  /**
   * Brotli at its best setting takes seconds for Web Chat's bundle the very first time (then it comes
   * from the cache): until it is ready, gzip goes out instead, so no visit waits for it.
   */
  const bodyFor = async (
    s: ServedAsset,
    wanted: Encoding | undefined,
  ): Promise<{ body: Buffer; encoding?: Encoding }> => {
    if (wanted === 'br') {
      const br = copyOf(s, 'br');
      if (!brotliReady.has(s)) {
        const ready = await Promise.race([
          br.then(() => true),
          new Promise<false>((r) => setTimeout(() => r(false), 50)),
        ]).catch(() => false);
        if (ready) brotliReady.add(s);
        else return { body: await copyOf(s, 'gzip'), encoding: 'gzip' };
      }
      return { body: await br, encoding: 'br' };
    }
    if (wanted === 'gzip') return { body: await copyOf(s, 'gzip'), encoding: 'gzip' };
    return { body: await plainOf(s) };
  };

  const sendAsset = async (req: restify.Request, res: restify.Response, s: ServedAsset, cacheControl: string) => {
    const { body, encoding } = await bodyFor(s, pickEncoding(req.headers['accept-encoding']));
    res.writeHead(200, {
      'Content-Type': s.asset.type,
      'Content-Length': String(body.length),
      'Cache-Control': cacheControl,
      'X-Content-Type-Options': 'nosniff',
      Vary: 'Accept-Encoding',
      ...(encoding ? { 'Content-Encoding': encoding } : {}),
    });
    res.end(body);
  };

  return {
    mount(server) {
      // restify ends the chain when a handler's promise settles (these take no next()).
      // eslint-disable-next-line @typescript-eslint/require-await
      server.get('/', async (_req, res) => sendHtml(res, chatPage));
      // eslint-disable-next-line @typescript-eslint/require-await
      server.get('/privacy', async (_req, res) => sendHtml(res, privacyPage));
      for (const s of served) server.get(s.asset.url, async (req, res) => sendAsset(req, res, s, IMMUTABLE));
      // Browsers ask for the icon by its plain name too.
      const icon = served.find((s) => s.asset.name === 'favicon.svg')!;
      server.get('/static/favicon.svg', async (req, res) => sendAsset(req, res, icon, 'public, max-age=86400'));
    },
  };
}
