import type { Activity } from 'botbuilder';
import { createInterface } from 'node:readline';
import { ConfigError, loadConfig, loadDotEnv } from '../config';
import { createLogger } from '../logger';
import { buildApp, type App } from '../index';

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

async function main(): Promise<void> {
  loadDotEnv();
  const loaded = loadConfig();
  const config = { ...loaded, auth: { ...loaded.auth, appId: '', appPassword: '', appType: 'MultiTenant' as const, tenantId: '' } };
  const app = await buildApp(config, { logger: createLogger('silent') });
  const print = (replies: Partial<Activity>[]) => replies.filter((r) => r.text).forEach((r) => process.stdout.write(`\nSteady: ${r.text}\n`));

  print(await sendTurn(app, { type: 'conversationUpdate', membersAdded: [{ id: PERSON_ID, name: 'You' }] }));
  const terminal = createInterface({ input: process.stdin, output: process.stdout, prompt: '\nYou: ' });
  terminal.prompt();
  for await (const line of terminal) {
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
