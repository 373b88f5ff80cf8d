import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DirectLineTokens, loadTokenSecret } from '../../src/channels/directline/tokens';
import { makeTempDir } from '../support/app';
import { FakeClock } from '../support/fakes';

const lifetimes = { conversation: 3600, stream: 120, resume: 86_400, bot: 300 };

describe('DirectLineTokens', () => {
  const clock = new FakeClock();
  const tokens = new DirectLineTokens('a'.repeat(64), clock, lifetimes);

  test('a token verifies for its own kind only, and carries its conversation and user', () => {
    const { token, expiresIn } = tokens.issue('conversation', { conv: 'c1', user: 'dl_a' });
    expect(expiresIn).toBe(3600);
    expect(tokens.verify('conversation', token)).toMatchObject({ ok: true, claims: { kind: 'conversation', conv: 'c1', user: 'dl_a' } });
    for (const other of ['stream', 'resume', 'bot'] as const) expect(tokens.verify(other, token)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  test('another secret, a missing token, garbage and expiry are each refused with a reason', () => {
    const { token } = tokens.issue('stream', { conv: 'c1', user: 'dl_a' });
    expect(new DirectLineTokens('b'.repeat(64), clock, lifetimes).verify('stream', token)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(tokens.verify('stream', undefined)).toEqual({ ok: false, reason: 'missing' });
    expect(tokens.verify('stream', 'a.b')).toEqual({ ok: false, reason: 'malformed' });
    clock.advance(119_000);
    expect(tokens.verify('stream', token).ok).toBe(true);
    clock.advance(1_000);
    expect(tokens.verify('stream', token)).toEqual({ ok: false, reason: 'expired' });
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
