import type { Activity } from 'botbuilder';
import { createInterface } from 'node:readline';
import { type Config, ConfigError, loadConfig, loadDotEnv } from '../platform/config';
import { createLogger } from '../platform/logger';
import { type App, type AppOverrides, buildApp } from '../index';

/**
 * Talks to the same bot (same dialogs, same database) in the terminal. Turns go through the real
 * CloudAdapter with deliveryMode expectReplies, so no HTTP server or channel is needed.
 */
const PERSON_ID = 'terminal-person';
const CONVERSATION_ID = 'terminal-conversation';

export async function sendTurn(app: App, activity: Partial<Activity>): Promise<Partial<Activity>[]> {
  const full = {
    channelId: 'terminal',
    serviceUrl: 'http://127.0.0.1:9/',
    from: { id: PERSON_ID, name: 'You' },
    recipient: { id: 'steady', name: 'Steady' },
    conversation: { id: CONVERSATION_ID },
    id: `t${Date.now()}`,
    timestamp: new Date(),
    ...activity,
  } as Activity;
  return app.adapter.processLocally(full, app.logic);
}

/** Words that end the terminal chat (the bot is not asked: "exit" is not a question for it). */
const LEAVE_WORDS = new Set(['exit', 'quit', 'bye', ':q', '/exit', '/quit']);

export function isLeaveWord(line: string): boolean {
  return LEAVE_WORDS.has(
    line
      .trim()
      .toLowerCase()
      .replace(/[.!]+$/, ''),
  );
}

/** A terminal has no buttons: "tap" becomes "type" (the choices are a numbered list). */
export function forTerminal(text: string): string {
  return text
    .replace(
      /\b([Tt])ap a button or type its number\b/g,
      (_m, t: string) => `${t === 'T' ? 'T' : 't'}ype the number of your choice`,
    )
    .replace(/\b([Tt])ap a button\b/g, (_m, t: string) => `${t === 'T' ? 'T' : 't'}ype the number of your choice`)
    .replace(/\b([Tt])ap\b/g, (_m, t: string) => (t === 'T' ? 'Type' : 'type'));
}

/** Breaks each line at word boundaries to fit the terminal; a word longer than the width stays whole. */
export function wrap(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      const out: string[] = [];
      let current = '';
      for (const word of line.split(/ +/)) {
        if (current && current.length + 1 + word.length > width) {
          out.push(current);
          current = word;
        } else current = current ? `${current} ${word}` : word;
      }
      out.push(current);
      return out.join('\n');
    })
    .join('\n');
}

/**
 * Builds the app the way the terminal chat runs it: no Bot Framework credentials, a silent log, and
 * nothing started (no server, no scheduler, so no check-ins are sent and no purge runs from here).
 */
export async function openChat(loaded: Config, overrides: Pick<AppOverrides, 'timers'> = {}): Promise<App> {
  const config = {
    ...loaded,
    auth: { ...loaded.auth, appId: '', appPassword: '', appType: 'MultiTenant' as const, tenantId: '' },
  };
  return buildApp(config, { ...overrides, logger: createLogger('silent') });
}

async function main(): Promise<void> {
  loadDotEnv();
  const app = await openChat(loadConfig());
  const width = () => Math.max(40, Math.min(100, (process.stdout.columns ?? 80) - 2));
  const print = (replies: Partial<Activity>[]) =>
    replies
      .filter((r) => r.text)
      .forEach((r) => process.stdout.write(`\n${wrap(`Steady: ${forTerminal(r.text!)}`, width())}\n`));

  print(await sendTurn(app, { type: 'conversationUpdate', membersAdded: [{ id: PERSON_ID, name: 'You' }] }));
  const terminal = createInterface({ input: process.stdin, output: process.stdout, prompt: '\nYou: ' });
  terminal.prompt();
  for await (const line of terminal) {
    if (isLeaveWord(line)) break;
    if (line.trim() !== '') print(await sendTurn(app, { type: 'message', text: line }));
    terminal.prompt();
  }
  await app.stop();
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`${error instanceof ConfigError ? error.message : 'Chat failed: ' + String(error)}\n`);
    process.exit(1);
  });
}
