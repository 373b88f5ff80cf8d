import { BlockList, isIP } from 'node:net';

/**
 * Which proxies in front of the server may name the client in X-Forwarded-For (TRUST_PROXY):
 * none (the default: the socket's address is the client), the nearest `hops` proxies, or any proxy
 * whose address falls in one of the listed ranges.
 */
export type TrustProxy =
  { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'ranges'; ranges: BlockList; text: string };

export const TRUST_NO_PROXY: TrustProxy = { kind: 'none' };

/**
 * Parses TRUST_PROXY: empty or 0 = no proxy; a whole number = that many proxies; otherwise a comma-separated
 * list of addresses or CIDR ranges (10.0.0.0/8, 127.0.0.1, fd00::/8). Returns an error text for anything else.
 */
export function parseTrustProxy(value: string): TrustProxy | { error: string } {
  const text = value.trim();
  if (text === '' || text === '0' || text === 'false') return TRUST_NO_PROXY;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops <= 32
      ? { kind: 'hops', hops }
      : { error: 'must be a hop count from 0 to 32, or a list of CIDR ranges' };
  }
  const ranges = new BlockList();
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [address, prefixText, extra] = part.split('/');
    const family = isIP(address ?? '');
    const prefix = prefixText === undefined ? (family === 6 ? 128 : 32) : Number(prefixText);
    if (!family || extra !== undefined || !/^\d*$/.test(prefixText ?? '') || prefix > (family === 6 ? 128 : 32)) {
      return { error: `has "${part}", which is not an address or a CIDR range (for example 10.0.0.0/8 or 127.0.0.1)` };
    }
    ranges.addSubnet(unmapped(address), prefix, family === 6 ? 'ipv6' : 'ipv4');
  }
  return { kind: 'ranges', ranges, text };
}

/** "::ffff:10.0.0.1" (an IPv4 client on a dual-stack socket) is 10.0.0.1. */
export function unmapped(address: string): string {
  const match = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return match ? match[1] : address;
}
