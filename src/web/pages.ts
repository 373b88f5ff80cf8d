import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type restify from 'restify';
import type { Content } from '../content/Content';
import { ROOT_DIR } from '../paths';
import type { ServerMount } from '../server';

const WEB_DIR = join(ROOT_DIR, 'src', 'web');
const gzipAsync = promisify(gzip);

/** Files the page loads, all from this server: no CDN, works offline. */
const ASSETS: Record<string, { file: string; type: string }> = {
  '/static/steady.css': { file: join(WEB_DIR, 'public', 'steady.css'), type: 'text/css; charset=utf-8' },
  '/static/steady-chat.js': { file: join(WEB_DIR, 'public', 'steady-chat.js'), type: 'text/javascript; charset=utf-8' },
  '/static/favicon.svg': { file: join(WEB_DIR, 'public', 'favicon.svg'), type: 'image/svg+xml' },
  '/webchat/webchat.js': {
    file: join(dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js'),
    type: 'text/javascript; charset=utf-8',
  },
};

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

/** GET / (the chat page), GET /privacy and the page's static files. */
export function createWebPages(options: WebPageOptions): ServerMount {
  const { content } = options;
  const text = (key: string) => content.text(`webpage.${key}`);
  const chatPage = fillTemplate(readFileSync(join(WEB_DIR, 'templates', 'chat.html'), 'utf8'), {
    title: text('title'),
    name: text('name'),
    tagline: text('tagline'),
    menuLabel: text('menuLabel'),
    startFresh: text('startFresh'),
    privacyLink: text('privacyLink'),
    chatLabel: text('chatLabel'),
    connecting: text('connecting'),
    noscript: text('noscript'),
    config: scriptJson({
      tokenUrl: options.tokenUrl,
      text: { startFreshConfirm: text('startFreshConfirm'), connectError: text('connectError') },
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
    policy,
  });
  const csp = contentSecurityPolicy(options.connectOrigins);
  const cache = new Map<string, Promise<{ plain: Buffer; gzipped: Buffer }>>();
  const asset = (path: string) => {
    let loaded = cache.get(path);
    if (!loaded) {
      const plain = readFileSync(ASSETS[path].file);
      loaded = gzipAsync(plain).then((gzipped) => ({ plain, gzipped }));
      cache.set(path, loaded);
    }
    return loaded;
  };

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

  return {
    mount(server) {
      server.get('/', async (_req, res) => sendHtml(res, chatPage));
      server.get('/privacy', async (_req, res) => sendHtml(res, privacyPage));
      for (const path of Object.keys(ASSETS)) {
        server.get(path, async (req, res) => {
          const { plain, gzipped } = await asset(path);
          const useGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
          res.writeHead(200, {
            'Content-Type': ASSETS[path].type,
            'Content-Length': String((useGzip ? gzipped : plain).length),
            'Cache-Control': 'public, max-age=3600',
            'X-Content-Type-Options': 'nosniff',
            Vary: 'Accept-Encoding',
            ...(useGzip ? { 'Content-Encoding': 'gzip' } : {}),
          });
          res.end(useGzip ? gzipped : plain);
        });
      }
    },
  };
}
