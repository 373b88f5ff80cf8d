import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';
import { TRUST_NO_PROXY, type TrustProxy, unmapped } from '../util/trustProxy';

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
