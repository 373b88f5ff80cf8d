import type { IncomingMessage } from 'node:http';
import { clientAddress } from '../../src/platform/channels/clientAddress';
import { parseTrustProxy, type TrustProxy } from '../../src/platform/util/trustProxy';
import { loadConfig } from '../../src/platform/config';

const request = (socket: string, forwardedFor?: string): IncomingMessage =>
  ({
    socket: { remoteAddress: socket },
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  }) as unknown as IncomingMessage;

const trust = (value: string): TrustProxy => {
  const parsed = parseTrustProxy(value);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed;
};

describe('client address (TRUST_PROXY)', () => {
  test.each([
    // [TRUST_PROXY, socket, X-Forwarded-For, expected client]
    ['', '10.0.0.2', '198.51.100.7', '10.0.0.2'], // no proxy trusted: the header is anyone's to forge
    ['0', '::ffff:10.0.0.2', undefined, '10.0.0.2'],
    ['1', '10.0.0.2', '198.51.100.7', '198.51.100.7'],
    ['1', '10.0.0.2', '6.6.6.6, 198.51.100.7', '198.51.100.7'], // a forged left entry is not believed
    ['2', '10.0.0.2', '6.6.6.6, 198.51.100.7, 10.0.0.9', '198.51.100.7'],
    ['3', '10.0.0.2', '198.51.100.7', '198.51.100.7'], // fewer entries than hops: the leftmost
    ['1', '10.0.0.2', undefined, '10.0.0.2'],
    ['1', '10.0.0.2', 'not-an-ip', '10.0.0.2'], // a malformed entry is never the key
    ['1', '10.0.0.2', '198.51.100.7:5123', '198.51.100.7'],
    ['1', '10.0.0.2', '[2001:db8::1]:443', '2001:db8::1'],
    ['10.0.0.0/8', '10.0.0.2', '6.6.6.6, 198.51.100.7, 10.1.2.3', '198.51.100.7'],
    ['10.0.0.0/8', '203.0.113.9', '198.51.100.7', '203.0.113.9'], // the socket is not a trusted proxy
    ['10.0.0.0/8, 127.0.0.1', '127.0.0.1', '10.9.9.9', '10.9.9.9'], // every hop trusted: the leftmost
    ['fd00::/8', 'fd00::1', '2001:db8::5', '2001:db8::5'],
  ])('TRUST_PROXY=%j, socket %s, X-Forwarded-For %j -> %s', (setting, socket, forwardedFor, expected) => {
    expect(clientAddress(request(socket, forwardedFor), trust(setting))).toBe(expected);
  });

  test('a bad TRUST_PROXY stops start-up with a message that names it', () => {
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY has "10.0.0.0\/33"/);
    expect(() => loadConfig({ TRUST_PROXY: 'proxy.local' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: '99' })).toThrow(/TRUST_PROXY must be a hop count/);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8,::1' }).trustProxy.kind).toBe('ranges');
    expect(loadConfig({}).trustProxy.kind).toBe('none');
  });
});
