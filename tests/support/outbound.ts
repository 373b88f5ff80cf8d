import dc from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';

export interface OutboundRequest {
  /** host:port as the request was addressed */
  host: string;
  path: string;
  authorization?: string;
}

/**
 * Records every HTTP request this process starts, whichever client makes it: node's http module (the Bot
 * Framework connector, @slack/web-api) and undici's fetch/WebSocket (Socket Mode, tests' own calls).
 */
export class OutboundRecorder {
  readonly requests: OutboundRequest[] = [];

  private readonly onHttp = (message: unknown) => {
    const request = (message as { request: ClientRequest }).request;
    const auth = request.getHeader('authorization');
    this.requests.push({
      host: String(request.getHeader('host') ?? request.host),
      path: request.path,
      authorization: auth === undefined ? undefined : String(auth),
    });
  };

  private readonly onUndici = (message: unknown) => {
    const request = (
      message as {
        request: { origin: string | URL; path: string; headers: string[] | string | Record<string, string> };
      }
    ).request;
    this.requests.push({
      host: new URL(String(request.origin)).host,
      path: request.path,
      authorization: undiciHeader(request.headers, 'authorization'),
    });
  };

  start(): this {
    dc.subscribe('http.client.request.start', this.onHttp);
    dc.subscribe('undici:request:create', this.onUndici);
    return this;
  }

  stop(): void {
    dc.unsubscribe('http.client.request.start', this.onHttp);
    dc.unsubscribe('undici:request:create', this.onUndici);
  }
}

function undiciHeader(headers: string[] | string | Record<string, string>, name: string): string | undefined {
  if (Array.isArray(headers)) {
    for (let i = 0; i < headers.length; i += 2)
      if (String(headers[i]).toLowerCase() === name) return String(headers[i + 1]);
    return undefined;
  }
  if (typeof headers === 'string') {
    const line = headers.split('\r\n').find((l) => l.toLowerCase().startsWith(`${name}:`));
    return line?.slice(name.length + 1).trim();
  }
  return Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
}
