import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { slackSignature } from '../../src/platform/channels/slack/signature';

export interface SlackCall {
  method: string;
  authorization?: string;
  /** The ts the fake gave a posted message (chat.postMessage). */
  ts?: string;
  body: Record<string, any>;
}

/** A fake Slack Web API on loopback: records every call and answers ok. `hold()` keeps answers back until released. */
export class FakeSlackApi {
  readonly calls: SlackCall[] = [];
  /** Extra answers by method (e.g. apps.connections.open for Socket Mode); the default answers ok. `status` and `headers` set the HTTP response. */
  readonly answers = new Map<string, (call: SlackCall) => Record<string, unknown>>();
  private server?: Server;
  private nextTs = 0;
  private held?: Promise<void>;
  private release?: () => void;

  /** host: another loopback address (127.0.0.2) lets a test tell this server's traffic apart by host. */
  async start(host = '127.0.0.1'): Promise<string> {
    this.server = createServer((req, res) => {
      // A fake that fails drops the connection, which the test then sees.
      void (async () => {
        const body = parseBody(req.headers['content-type'] ?? '', await readAll(req));
        const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0];
        // Slack's ts: seconds.micro, unique and increasing per workspace.
        const ts = method === 'chat.postMessage' ? `1764700000.${String(++this.nextTs).padStart(6, '0')}` : undefined;
        const call: SlackCall = { method, authorization: req.headers.authorization, ts, body };
        this.calls.push(call);
        if (this.held) await this.held;
        const {
          status = 200,
          headers = {},
          ...answer
        } = (this.answers.get(method)?.(call) ?? { ok: true, channel: body.channel, ts: ts ?? body.ts }) as Record<
          string,
          unknown
        > & { status?: number; headers?: Record<string, string> };
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(answer));
      })().catch(() => res.destroy());
    });
    await new Promise<void>((resolve) => this.server!.listen(0, host, resolve));
    return `http://${host}:${(this.server.address() as AddressInfo).port}/api/`;
  }

  hold(): void {
    this.held = new Promise((resolve) => (this.release = resolve));
  }

  releaseAll(): void {
    this.release?.();
    this.held = undefined;
  }

  posted(): Array<{ channel: string; text: string; blocks: Array<Record<string, any>> }> {
    return this.calls.filter((c) => c.method === 'chat.postMessage').map((c) => c.body as never);
  }

  updated(): Array<{ channel: string; ts: string; text: string; blocks: Array<Record<string, any>> }> {
    return this.calls.filter((c) => c.method === 'chat.update').map((c) => c.body as never);
  }

  /** The latest message posted to a channel that has choice buttons, with its ts (what a click refers to). */
  lastChoices(channel: string): { ts: string; text: string; blocks: Array<Record<string, any>> } | undefined {
    const call = [...this.calls]
      .reverse()
      .find(
        (c) =>
          c.method === 'chat.postMessage' &&
          c.body.channel === channel &&
          (c.body.blocks ?? []).some((b: any) => b.block_id === 'steady-choices'),
      );
    return call ? { ts: call.ts!, text: call.body.text, blocks: call.body.blocks } : undefined;
  }

  async stop(): Promise<void> {
    this.releaseAll();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

async function readAll(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** @slack/web-api posts form fields, with objects (blocks) as JSON text. */
function parseBody(contentType: string, raw: string): Record<string, any> {
  if (contentType.includes('json')) return JSON.parse(raw);
  const fields: Record<string, any> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    fields[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return fields;
}

export const SLACK_SECRET = 'slack-test-signing-secret-0123456789';
export const SLACK_TOKEN = 'xoxb-test-token';
export const TEAM = 'T0TEAM';
export const PERSON = 'U0PERSON';
export const DM = 'D0DM';

export function slackEnv(apiUrl: string): Record<string, string> {
  return { SLACK_SIGNING_SECRET: SLACK_SECRET, SLACK_BOT_TOKEN: SLACK_TOKEN, SLACK_API_URL: apiUrl };
}

/** POSTs a body to a Slack route signed as Slack would sign it (or not, or wrongly, per options). */
export async function postSigned(
  url: string,
  body: string,
  options: {
    contentType: string;
    now: Date;
    secret?: string;
    timestamp?: string;
    tamper?: (body: string) => string;
    headers?: Record<string, string>;
    omit?: Array<'signature' | 'timestamp'>;
  },
): Promise<{ status: number; body: any }> {
  const timestamp = options.timestamp ?? String(Math.floor(options.now.getTime() / 1000));
  const headers: Record<string, string> = {
    'content-type': options.contentType,
    'x-slack-request-timestamp': timestamp,
    'x-slack-signature': slackSignature(options.secret ?? SLACK_SECRET, timestamp, body),
    ...options.headers,
  };
  if (options.omit?.includes('signature')) delete headers['x-slack-signature'];
  if (options.omit?.includes('timestamp')) delete headers['x-slack-request-timestamp'];
  const response = await fetch(url, { method: 'POST', headers, body: options.tamper ? options.tamper(body) : body });
  const text = await response.text();
  let parsed: any = text;
  try {
    parsed = text ? JSON.parse(text) : '';
  } catch {
    /* keep text */
  }
  return { status: response.status, body: parsed };
}

let counter = 0;

/** A direct message event as the Events API delivers it. */
export function dmEvent(
  text: string,
  options: { eventId?: string; user?: string; channel?: string; extra?: Record<string, unknown> } = {},
) {
  counter++;
  return {
    token: 'legacy-verification-token',
    team_id: TEAM,
    api_app_id: 'A0APP',
    event: {
      client_msg_id: `c0ffee00-0000-4000-8000-${String(counter).padStart(12, '0')}`,
      type: 'message',
      text,
      user: options.user ?? PERSON,
      ts: `1764600000.${String(counter).padStart(6, '0')}`,
      team: TEAM,
      channel: options.channel ?? DM,
      event_ts: `1764600000.${String(counter).padStart(6, '0')}`,
      channel_type: 'im',
      ...options.extra,
    },
    type: 'event_callback',
    event_id: options.eventId ?? `Ev${String(counter).padStart(8, '0')}`,
    event_time: 1764600000,
    authorizations: [
      { enterprise_id: null, team_id: TEAM, user_id: 'U0BOT', is_bot: true, is_enterprise_install: false },
    ],
    is_ext_shared_channel: false,
  };
}

/** A Block Kit button click as Interactivity delivers it (form-encoded `payload`). */
export function buttonClick(value: string, options: ClickOptions = {}): string {
  return `payload=${encodeURIComponent(JSON.stringify(buttonClickPayload(value, options)))}`;
}

export interface ClickOptions {
  user?: string;
  channel?: string;
  blockId?: string;
  /** The clicked message as Slack sends it back (its ts and blocks); a fixed placeholder when absent. */
  message?: { ts: string; text?: string; blocks?: Array<Record<string, any>> };
}

/** The block_actions payload itself (Socket Mode delivers it as the envelope's payload). */
export function buttonClickPayload(value: string, options: ClickOptions = {}) {
  counter++;
  const channel = options.channel ?? DM;
  const messageTs = options.message?.ts ?? '1764600000.000001';
  return {
    type: 'block_actions',
    user: { id: options.user ?? PERSON, username: 'alex', name: 'alex', team_id: TEAM },
    api_app_id: 'A0APP',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: messageTs, channel_id: channel, is_ephemeral: false },
    message: {
      type: 'message',
      ts: messageTs,
      text: options.message?.text ?? '',
      blocks: options.message?.blocks ?? [],
    },
    trigger_id: '123.456.abc',
    team: { id: TEAM, domain: 'steady-test' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: channel, name: 'directmessage' },
    state: { values: {} },
    response_url: 'https://hooks.slack.com/actions/T0TEAM/1/abc',
    actions: [
      {
        action_id: 'choice-1',
        block_id: options.blockId ?? 'steady-choices',
        text: { type: 'plain_text', text: value, emoji: true },
        value,
        type: 'button',
        action_ts: `1764600001.${String(counter).padStart(6, '0')}`,
      },
    ],
  };
}

/**
 * A fake Socket Mode server on loopback: the fake Web API's apps.connections.open answers with this
 * server's ws:// URL; each connection gets Slack's `hello`; deliver() sends an envelope and resolves with
 * the acknowledgement and how long it took.
 */
export class FakeSocketMode {
  /** Every connection opened (a reconnect adds one). */
  readonly connections: WebSocket[] = [];
  /** apps.connections.open calls, with the Authorization header they carried. */
  readonly opens: Array<string | undefined> = [];
  private http?: Server;
  private wss?: WebSocketServer;
  private readonly waiting = new Map<string, (ack: Record<string, unknown>) => void>();
  private envelopes = 0;

  async start(api: FakeSlackApi): Promise<void> {
    this.http = createServer();
    this.wss = new WebSocketServer({ server: this.http, path: '/link' });
    this.wss.on('connection', (socket) => {
      this.connections.push(socket);
      socket.on('message', (data) => {
        const ack = JSON.parse((data as Buffer).toString()) as { envelope_id?: string };
        if (ack.envelope_id) this.waiting.get(ack.envelope_id)?.(ack);
      });
      socket.send(
        JSON.stringify({
          type: 'hello',
          num_connections: 1,
          debug_info: { host: 'fake' },
          connection_info: { app_id: 'A0APP' },
        }),
      );
    });
    await new Promise<void>((resolve) => this.http!.listen(0, '127.0.0.1', resolve));
    const url = `ws://127.0.0.1:${(this.http.address() as AddressInfo).port}/link?ticket=fake`;
    api.answers.set('apps.connections.open', (call) => {
      this.opens.push(call.authorization);
      return { ok: true, url };
    });
  }

  get live(): WebSocket | undefined {
    return [...this.connections].reverse().find((socket) => socket.readyState === WebSocket.OPEN);
  }

  /** Waits until a connection is open (after start or a reconnect); resolves with how many there were. */
  async waitForConnection(count = 1, timeoutMs = 10_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!(this.connections.length >= count && this.live)) {
      if (Date.now() > until) throw new Error(`no Socket Mode connection #${count} within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Sends one envelope as Slack does and waits for its acknowledgement (rejects after timeoutMs). */
  async deliver(
    type: 'events_api' | 'interactive',
    payload: unknown,
    options: { retryAttempt?: number; envelopeId?: string; timeoutMs?: number } = {},
  ): Promise<{ ack: Record<string, unknown>; ms: number }> {
    await this.waitForConnection(this.connections.length);
    const socket = this.live!;
    const envelopeId = options.envelopeId ?? `env-${++this.envelopes}`;
    const started = Date.now();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`envelope ${envelopeId} was not acknowledged`)),
        options.timeoutMs ?? 3000,
      );
      this.waiting.set(envelopeId, (ack) => {
        clearTimeout(timer);
        this.waiting.delete(envelopeId);
        resolve({ ack, ms: Date.now() - started });
      });
      socket.send(
        JSON.stringify({
          envelope_id: envelopeId,
          type,
          payload,
          accepts_response_payload: false,
          ...(type === 'events_api'
            ? { retry_attempt: options.retryAttempt ?? 0, retry_reason: options.retryAttempt ? 'timeout' : '' }
            : {}),
        }),
      );
    });
  }

  /** Slack recycling the connection: it asks the client to go away, then closes. */
  recycle(): void {
    const socket = this.live;
    socket?.send(JSON.stringify({ type: 'disconnect', reason: 'refresh_requested', debug_info: { host: 'fake' } }));
  }

  /** The connection dropped without a word (network trouble). */
  drop(): void {
    this.live?.terminate();
  }

  async stop(): Promise<void> {
    for (const socket of this.connections) socket.terminate();
    await new Promise<void>((resolve) => (this.wss ? this.wss.close(() => resolve()) : resolve()));
    this.http?.closeAllConnections();
    await new Promise<void>((resolve) => (this.http ? this.http.close(() => resolve()) : resolve()));
  }
}
