import type { IncomingMessage } from 'node:http';
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

/**
 * The one place that says which client a request comes from (CONTRACTS item 6): the address of the person's
 * device, as far as the trusted proxies tell, the key every per-client rate limit counts under. Without a trusted proxy it is the socket's address, and X-Forwarded-For is ignored
 * (anyone can send that header). With one, the header is read from the right (the entry the nearest proxy
 * added) and every trusted proxy's entry is skipped; a malformed entry stops the walk there.
 */
export function clientAddress(req: IncomingMessage, trust: TrustProxy = TRUST_NO_PROXY): string {
  const socketAddress = unmapped(req.socket.remoteAddress ?? 'unknown');
  if (trust.kind === 'none') return socketAddress;
  // The hops nearest the server come last: [client, proxy 1, ..., proxy n-1] then the socket (proxy n).
  const chain = [...forwardedFor(req), socketAddress];
  if (trust.kind === 'hops') {
    let index = chain.length - 1;
    for (let hop = 0; hop < trust.hops && index > 0; hop++) {
      if (!isIP(chain[index - 1])) break;
      index--;
    }
    return chain[index];
  }
  let index = chain.length - 1;
  while (index > 0 && isTrusted(chain[index], trust.ranges) && isIP(chain[index - 1])) index--;
  return chain[index];
}

function forwardedFor(req: IncomingMessage): string[] {
  const header = req.headers['x-forwarded-for'];
  const joined = Array.isArray(header) ? header.join(',') : (header ?? '');
  return joined
    .split(',')
    .map((entry) => unmapped(stripPort(entry.trim())))
    .filter((entry) => entry !== '');
}

function isTrusted(address: string, ranges: BlockList): boolean {
  const family = isIP(address);
  return family !== 0 && ranges.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

/** Some proxies write "1.2.3.4:5678" or "[::1]:5678". */
function stripPort(entry: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(entry);
  if (bracketed) return bracketed[1];
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(entry);
  return v4WithPort ? v4WithPort[1] : entry;
}

/** "::ffff:10.0.0.1" (an IPv4 client on a dual-stack socket) is 10.0.0.1. */
function unmapped(address: string): string {
  const match = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return match ? match[1] : address;
}
