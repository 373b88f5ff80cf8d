import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { decodeJwt, decodeProtectedHeader, SignJWT } from 'jose';
import { DirectLineTokens, loadTokenSecret } from '../../src/platform/channels/directline/tokens';
import { makeTempDir } from '../support/app';
import { FakeClock } from '../support/fakes';

const lifetimes = { conversation: 3600, stream: 120, resume: 86_400, bot: 300 };

describe('DirectLineTokens', () => {
  const clock = new FakeClock();
  const tokens = new DirectLineTokens('a'.repeat(64), clock, lifetimes);

  test('a token verifies for its own kind only, and carries its conversation and user', async () => {
    const { token, expiresIn } = await tokens.issue('conversation', { conv: 'c1', user: 'dl_a' });
    expect(expiresIn).toBe(3600);
    expect(await tokens.verify('conversation', token)).toMatchObject({
      ok: true,
      claims: { kind: 'conversation', conv: 'c1', user: 'dl_a' },
    });
    for (const other of ['stream', 'resume', 'bot'] as const)
      expect(await tokens.verify(other, token)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  test('another secret, a missing token, garbage and expiry are each refused with a reason', async () => {
    const { token } = await tokens.issue('stream', { conv: 'c1', user: 'dl_a' });
    expect(await new DirectLineTokens('b'.repeat(64), clock, lifetimes).verify('stream', token)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    expect(await tokens.verify('stream', undefined)).toEqual({ ok: false, reason: 'missing' });
    expect(await tokens.verify('stream', 'a.b')).toEqual({ ok: false, reason: 'malformed' });
    clock.advance(119_000);
    expect((await tokens.verify('stream', token)).ok).toBe(true);
    clock.advance(1_000);
    expect(await tokens.verify('stream', token)).toEqual({ ok: false, reason: 'expired' });
  });

  test('a standard HS256 JWT: its header and claims read with any JWT library, as botframework-directlinejs reads the user', async () => {
    const { token } = await tokens.issue('conversation', { conv: 'c1', user: 'dl_a' });
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(decodeJwt(token)).toMatchObject({
      iss: 'steady-directline',
      kind: 'conversation',
      conv: 'c1',
      user: 'dl_a',
    });
  });

  test('a token signed with another algorithm, unsigned, or with the wrong claims is refused', async () => {
    const key = new TextEncoder().encode('a'.repeat(64));
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify({ iss: 'steady-directline', kind: 'stream', conv: 'c', user: 'u' })).toString('base64url')}.`;
    expect(await tokens.verify('stream', none)).toEqual({ ok: false, reason: 'malformed' });
    const hs512 = await new SignJWT({ kind: 'stream', conv: 'c', user: 'u' })
      .setProtectedHeader({ alg: 'HS512' })
      .setIssuer('steady-directline')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(key);
    expect((await tokens.verify('stream', hs512)).ok).toBe(false);
    const future = clock.now().getTime() / 1000 + 3600;
    const forged = new DirectLineTokens('a'.repeat(64), { now: () => new Date(future * 1000) }, lifetimes);
    const fromTheFuture = (await forged.issue('stream', { conv: 'c', user: 'u' })).token;
    expect(await tokens.verify('stream', fromTheFuture)).toEqual({ ok: false, reason: 'expired' });
  });
});

describe('loadTokenSecret', () => {
  test('DIRECT_LINE_TOKEN_SECRET wins; otherwise one secret is made once in the data folder, private to the owner', () => {
    const dir = makeTempDir('secret-');
    expect(loadTokenSecret({ secret: 's'.repeat(40), dataDir: dir })).toBe('s'.repeat(40));
    const made = loadTokenSecret({ dataDir: dir });
    expect(made).toMatch(/^[0-9a-f]{64}$/);
    expect(loadTokenSecret({ dataDir: dir })).toBe(made);
    const file = join(dir, 'directline-token-secret');
    expect(readFileSync(file, 'utf8').trim()).toBe(made);
    expect(statSync(file).mode & 0o077).toBe(0);
    rmSync(dir, { recursive: true, force: true });
  });

  test('an in-memory database gets a secret for this process only', () => {
    const first = loadTokenSecret({});
    expect(first).toHaveLength(64);
    expect(loadTokenSecret({})).not.toBe(first);
  });
});
