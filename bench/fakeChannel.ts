// A fake Bot Framework channel on loopback: POST /v3/conversations/{id}/activities[/{replyToId}] answers {id}.
// Tests script failures (403, 404, 429 with Retry-After, 500); the fan-out benchmark runs it as its own process.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export interface ReceivedActivity {
  conversationId: string;
  replyToId?: string;
  activity: Record<string, unknown> & { channelData?: { idempotencyKey?: string }; text?: string };
}

export interface ScriptedResponse {
  status: number;
  headers?: Record<string, string>;
}

/** Decides the answer to one POST; undefined means 200 {id}. */
export type Responder = (received: ReceivedActivity) => ScriptedResponse | undefined;

export interface FakeChannel {
  /** The serviceUrl to put in activities, with a trailing slash. */
  serviceUrl: string;
  /** Every activity that was answered 200, in arrival order (not kept when recording is off). */
  received: ReceivedActivity[];
  /** Every request, including refused ones, with the status it got. */
  requests: Array<{ conversationId: string; status: number; idempotencyKey?: string }>;
  accepted: number;
  respondWith(responder: Responder | undefined): void;
  close(): Promise<void>;
}

const ROUTE = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?\/?(?:\?.*)?$/;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startFakeChannel(options: { record?: boolean; port?: number } = {}): Promise<FakeChannel> {
  const record = options.record ?? true;
  let responder: Responder | undefined;
  let counter = 0;
  const channel = {
    serviceUrl: '',
    received: [] as ReceivedActivity[],
    requests: [] as FakeChannel['requests'],
    accepted: 0,
  };
  const reply = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    const payload = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(payload),
      ...headers,
    });
    res.end(payload);
  };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const match = req.method === 'POST' ? ROUTE.exec(req.url ?? '') : null;
    const raw = await readBody(req);
    if (!match) return reply(res, 404, { error: { code: 'NotFound', message: 'no such route' } });
    let activity: ReceivedActivity['activity'];
    try {
      activity = JSON.parse(raw) as ReceivedActivity['activity'];
    } catch {
      return reply(res, 400, { error: { code: 'BadArgument', message: 'invalid JSON' } });
    }
    const received: ReceivedActivity = {
      conversationId: decodeURIComponent(match[1]),
      replyToId: match[2] && decodeURIComponent(match[2]),
      activity,
    };
    const scripted = responder?.(received);
    const status = scripted?.status ?? 200;
    if (record)
      channel.requests.push({
        conversationId: received.conversationId,
        status,
        idempotencyKey: activity.channelData?.idempotencyKey,
      });
    if (status >= 300)
      return reply(res, status, { error: { code: 'Scripted', message: `scripted ${status}` } }, scripted?.headers);
    channel.accepted++;
    if (record) channel.received.push(received);
    reply(res, 200, { id: `activity-${++counter}` });
  };
  const server: Server = createServer((req, res) => {
    // A failed reply (the client went away) ends that connection only.
    handle(req, res).catch(() => res.destroy());
  });
  server.keepAliveTimeout = 30_000;
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve((server.address() as { port: number }).port));
  });
  channel.serviceUrl = `http://127.0.0.1:${port}/`;
  return Object.assign(channel, {
    respondWith(next: Responder | undefined) {
      responder = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

// As its own process (the fan-out benchmark): records nothing, prints the count it accepted once a second and on SIGTERM.
if (require.main === module) {
  void startFakeChannel({ record: false }).then((channel) => {
    process.stdout.write(`listening on ${channel.serviceUrl}\n`);
    const report = () =>
      process.stdout.write(
        `accepted ${channel.accepted} peakRssMb ${Math.round(process.resourceUsage().maxRSS / 102.4) / 10}\n`,
      );
    setInterval(report, 1000).unref();
    process.on('SIGTERM', () => {
      report();
      void channel.close().then(() => process.exit(0));
    });
  });
}
