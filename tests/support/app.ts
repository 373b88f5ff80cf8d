import type { Activity } from 'botbuilder';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/platform/config';
import { buildApp, type App, type AppOverrides } from '../../src/index';
import { createLogger } from '../../src/platform/logger';
import { FakeClock, LogCapture } from './fakes';

export function makeTempDir(prefix = 'coach-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface TestApp {
  app: App;
  baseUrl: string;
  dir: string;
  dbFile: string;
  clock: FakeClock;
  logs: LogCapture;
  stop(options?: { keepFiles?: boolean }): Promise<void>;
}

/** The real app on a loopback port with a fresh SQLite file on disk. */
export async function startTestApp(
  options: { env?: Record<string, string>; dir?: string; overrides?: AppOverrides } = {},
): Promise<TestApp> {
  const dir = options.dir ?? makeTempDir();
  const dbFile = join(dir, 'coach.db');
  const config = loadConfig({ PORT: '0', DATABASE_URL: `sqlite:${dbFile}`, LOG_LEVEL: 'info', ...options.env });
  const clock = new FakeClock();
  const logs = new LogCapture();
  const app = await buildApp(config, { clock, logger: createLogger('info', logs), ...options.overrides });
  const port = await app.http.listen(0, '127.0.0.1');
  return {
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    dir,
    dbFile,
    clock,
    logs,
    async stop(stopOptions = {}) {
      await app.stop();
      if (!stopOptions.keepFiles && !options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface TurnOptions {
  conversationId?: string;
  userId?: string;
  channelId?: string;
  /** Where proactive messages go (a fake channel on loopback); replies to this turn still come back in the body. */
  serviceUrl?: string;
  /** Extra activity fields, e.g. localTimezone or entities. */
  extra?: Record<string, unknown>;
}

export function messageActivity(text: string, options: TurnOptions = {}): Partial<Activity> {
  return {
    type: 'message',
    text,
    id: `m-${Math.random().toString(36).slice(2)}`,
    channelId: options.channelId ?? 'test',
    serviceUrl: options.serviceUrl ?? 'http://127.0.0.1:9/',
    from: { id: options.userId ?? 'person-1', name: 'Person' },
    recipient: { id: 'steady', name: 'Steady' },
    conversation: { id: options.conversationId ?? 'conversation-1' },
    deliveryMode: 'expectReplies',
    ...options.extra,
  } as Partial<Activity>;
}

/** POSTs an activity with expectReplies and returns the status and the bot's replies. */
export async function postActivity(
  baseUrl: string,
  activity: unknown,
): Promise<{ status: number; replies: Partial<Activity>[]; body: unknown }> {
  const response = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof activity === 'string' ? activity : JSON.stringify(activity),
  });
  const raw = await response.text();
  let body: unknown = raw;
  try {
    body = raw ? JSON.parse(raw) : undefined;
  } catch {
    /* plain-text bodies stay as text */
  }
  const replies = (body as { activities?: Partial<Activity>[] } | undefined)?.activities ?? [];
  return { status: response.status, replies, body };
}

/** Sends one message and returns only the reply texts, for transcript-style tests. */
export async function say(baseUrl: string, text: string, options: TurnOptions = {}): Promise<string[]> {
  const { status, replies } = await postActivity(baseUrl, messageActivity(text, options));
  if (status !== 200) throw new Error(`POST /api/messages answered ${status}`);
  return replies.map((r) => r.text ?? '');
}

/** Runs a test body against its own app and always stops it, so a failing assertion cannot leave the server running. */
export async function withTestApp(
  options: Parameters<typeof startTestApp>[0],
  body: (t: TestApp) => Promise<void>,
): Promise<void> {
  const t = await startTestApp(options);
  try {
    await body(t);
  } finally {
    await t.stop();
  }
}

/** Records that a person already agreed to saving their answers, for tests of features behind the consent gate. */
export async function grantConsent(t: TestApp, personId: string): Promise<void> {
  const content = t.app.services.content;
  await t.app.services.store.consents.set(personId, 'granted', content.text('privacy.version'), t.clock.now());
}

/** What a person sees first on any channel: greeting, not-a-clinician note, privacy note, then the menu. */
export function welcomeTexts(content: { text(key: string): string }): string[] {
  return [
    content.text('welcome.greeting'),
    content.text('welcome.notClinician'),
    content.text('privacy.notice'),
    content.text('menu.prompt'),
  ];
}
