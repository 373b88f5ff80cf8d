import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { CoachAdapter } from '../../src/platform/channels/adapter';
import { OwnChannelEndpoint } from '../../src/platform/channels/directline/botConnector';
import { DirectLineChannel } from '../../src/platform/channels/directline/DirectLineChannel';
import { DirectLineTokens, type TokenClaims } from '../../src/platform/channels/directline/tokens';
import { createLogger } from '../../src/platform/logger';
import { openSqlite } from '../../src/platform/storage/sqlite/database';
import { SqliteDirectLineRepository } from '../../src/platform/storage/sqlite/SqliteDirectLineRepository';
import { SqliteRevocationRepository } from '../../src/platform/storage/sqlite/SqliteSecurityRepositories';
import { makeTempDir } from '../support/app';
import { FakeClock } from '../support/fakes';

/** The channel alone, with a bot whose turns finish only when the test says so. */
function channelWithSlowBot() {
  const dir = makeTempDir('channel-');
  const db = openSqlite(join(dir, 'coach.db'));
  const clock = new FakeClock();
  const endpoint = new OwnChannelEndpoint(
    new DirectLineTokens('x'.repeat(64), clock, { conversation: 60, stream: 60, resume: 60, bot: 60 }),
  );
  endpoint.setAddress('127.0.0.1', 9);
  const finishTurn: Array<() => void> = [];
  const adapter = {
    processFromOwnChannel: () => new Promise<void>((resolve) => finishTurn.push(resolve)),
  } as unknown as CoachAdapter;
  const channel = new DirectLineChannel({
    repo: new SqliteDirectLineRepository(db),
    endpoint,
    adapter,
    logic: async () => undefined,
    clock,
    logger: createLogger('silent'),
    limits: { maxActivityBytes: 4096, messagesPerMinute: 100, newConversationsPerMinute: 100 },
    botId: 'steady',
    turnAckMs: 50,
    revocations: new SqliteRevocationRepository(db),
    revokeForSeconds: 60,
    erase: async () => undefined,
  });
  return {
    channel,
    finishTurn,
    dispose() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe('DirectLineChannel with a slow bot', () => {
  const claims: TokenClaims = { kind: 'conversation', conv: 'c1', user: 'dl_a', iat: 0, exp: 0 };

  test("a person's POST is answered once the activity is stored, even while the turn runs on", async () => {
    const { channel, finishTurn, dispose } = channelWithSlowBot();
    const start = channel.start(claims);
    while (finishTurn.length === 0) await new Promise((r) => setImmediate(r));
    finishTurn.shift()!();
    expect(await start).toEqual({ ok: true, value: { created: true } });

    const posted = await channel.postFromUser(claims, { type: 'message', text: 'hello' });
    expect(posted).toEqual({ ok: true, value: { id: 'c1|0000001' } });
    expect(finishTurn).toHaveLength(1); // the turn is still running
    expect((await channel.activitiesAfter('c1', 0)).activities.map((a) => a.text)).toEqual(['hello']);
    finishTurn.shift()!();
    dispose();
  });

  test('drain refuses new work with 503 and waits for turns in flight', async () => {
    const { channel, finishTurn, dispose } = channelWithSlowBot();
    const start = channel.start(claims);
    while (finishTurn.length === 0) await new Promise((r) => setImmediate(r));
    let drained = false;
    const draining = channel.drain(60_000).then(() => (drained = true));
    expect(await channel.postFromUser(claims, { type: 'message', text: 'late' })).toMatchObject({
      ok: false,
      status: 503,
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(drained).toBe(false);
    finishTurn.shift()!();
    await draining;
    await start;
    expect(drained).toBe(true);
    dispose();
  });
});
