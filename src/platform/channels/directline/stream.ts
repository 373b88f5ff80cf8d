import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import { isOriginForm } from '../../http/requestGuards';
import type { Logger } from '../../logger';
import { clientAddress } from '../clientAddress';
import { type TrustProxy } from '../../util/trustProxy';
import { describeError } from '../../logger';
import type { DirectLineChannel } from './DirectLineChannel';
import type { DirectLineTokens } from './tokens';

const STREAM_PATH = /^\/v3\/directline\/conversations\/([^/]+)\/stream$/;
const KEEPALIVE_MS = 30_000;

export interface StreamLimits {
  maxSockets: number;
  maxSocketsPerConversation: number;
  /** Per client address (clientAddress, as every per-client limit counts): one client cannot take all sockets. */
  maxSocketsPerClient: number;
  trustProxy?: TrustProxy;
}

/** Adds one to a key's count; takeOne removes it, and the key once nothing is left. */
function addOne(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function takeOne(counts: Map<string, number>, key: string): void {
  const left = (counts.get(key) ?? 1) - 1;
  if (left > 0) counts.set(key, left);
  else counts.delete(key);
}

/**
 * The Direct Line WebSocket stream on the HTTP server's 'upgrade' event. The `t` query parameter is
 * a stream token for one conversation. On open the socket gets everything after `watermark`, then one
 * ActivityGroup frame per new activity. Each socket pulls from storage from its own cursor, one pull
 * at a time, so frames are never out of order, doubled or lost, however activities and sockets race.
 */
export class DirectLineStream {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  private readonly perConversation = new Map<string, number>();
  private readonly perClient = new Map<string, number>();
  /** Sockets open or being opened; counted before the handshake so concurrent upgrades cannot overshoot. */
  private open = 0;
  private readonly alive = new WeakSet<WebSocket>();
  private readonly conversationOf = new Map<WebSocket, string>();
  private keepalive: NodeJS.Timeout | undefined;
  private closing = false;

  constructor(
    private readonly channel: DirectLineChannel,
    private readonly tokens: DirectLineTokens,
    private readonly limits: StreamLimits,
    private readonly logger: Logger,
  ) {}

  get openSockets(): number {
    return this.open;
  }

  attach(server: Server): void {
    // After "delete my data" the conversation's sockets close once its history is erased.
    this.channel.onErased((conversationId) => {
      for (const [ws, conversation] of this.conversationOf) if (conversation === conversationId) ws.close(1000);
    });
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => this.upgrade(req, socket, head));
    // The keep-alive starts with listening, not with building: a terminal chat or a one-shot tool starts no timer.
    server.once('listening', () => {
      if (this.closing || this.keepalive) return;
      this.keepalive = setInterval(() => this.ping(), KEEPALIVE_MS);
      this.keepalive.unref();
    });
  }

  /** Closes every socket (1001 going away); clients reconnect to the next server. */
  close(): void {
    this.closing = true;
    if (this.keepalive) clearInterval(this.keepalive);
    for (const ws of this.wss.clients) ws.close(1001);
    setTimeout(() => this.wss.clients.forEach((ws) => ws.terminate()), 1000).unref();
    this.wss.close();
  }

  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    // Node hands an upgraded socket over with no error listener: a client that resets it must not
    // become an uncaught 'error' that ends the process.
    socket.on('error', () => socket.destroy());
    this.route(req, socket, head).catch((error) => {
      this.logger.error({ error: describeError(error) }, 'direct line upgrade failed');
      refuseUpgrade(socket, 400, 'bad_request');
    });
  }

  private async route(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    if (!isOriginForm(req.url ?? '')) return refuseUpgrade(socket, 400, 'invalid_request_target');
    const url = new URL(req.url ?? '/', 'http://stream.invalid');
    const match = STREAM_PATH.exec(url.pathname);
    if (!match) return refuseUpgrade(socket, 404, 'not_found');
    if (this.closing) return refuseUpgrade(socket, 503, 'shutting_down');
    const conversationId = decodePathSegment(match[1]);
    if (conversationId === undefined) return refuseUpgrade(socket, 400, 'invalid_conversation_id');
    const check = await this.tokens.verify('stream', url.searchParams.get('t') ?? undefined);
    if (this.closing || socket.destroyed) return refuseUpgrade(socket, 503, 'shutting_down');
    if (!check.ok)
      return refuseUpgrade(
        socket,
        check.reason === 'expired' ? 403 : 401,
        check.reason === 'expired' ? 'token_expired' : 'unauthorized',
      );
    if (check.claims.conv !== conversationId) return refuseUpgrade(socket, 403, 'wrong_conversation');
    const watermark = parseWatermark(url.searchParams.get('watermark'));
    if (watermark === undefined) return refuseUpgrade(socket, 400, 'invalid_watermark');
    // One read per socket opened (not per message): a person who deleted their data gets no stream.
    this.channel.isRevoked(check.claims.user).then(
      (revoked) =>
        revoked
          ? refuseUpgrade(socket, 403, 'token_revoked')
          : this.accept(req, socket, head, conversationId, watermark),
      (error) => {
        this.logger.warn({ error: describeError(error) }, 'direct line upgrade could not check revocation');
        refuseUpgrade(socket, 503, 'unavailable');
      },
    );
  }

  private accept(req: IncomingMessage, socket: Duplex, head: Buffer, conversationId: string, watermark: number): void {
    if (socket.destroyed) return;
    if (this.closing) return refuseUpgrade(socket, 503, 'shutting_down');
    if (this.open >= this.limits.maxSockets) return refuseUpgrade(socket, 429, 'too_many_sockets');
    if ((this.perConversation.get(conversationId) ?? 0) >= this.limits.maxSocketsPerConversation) {
      return refuseUpgrade(socket, 429, 'too_many_sockets_for_conversation');
    }
    const client = clientAddress(req, this.limits.trustProxy);
    if ((this.perClient.get(client) ?? 0) >= this.limits.maxSocketsPerClient)
      return refuseUpgrade(socket, 429, 'too_many_sockets_for_client');
    this.open++;
    addOne(this.perConversation, conversationId);
    addOne(this.perClient, client);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.open--;
      takeOne(this.perConversation, conversationId);
      takeOne(this.perClient, client);
    };
    socket.once('close', release);
    this.wss.handleUpgrade(req, socket, head, (ws) => this.serve(ws, conversationId, watermark, release));
  }

  private serve(ws: WebSocket, conversationId: string, watermark: number, release: () => void): void {
    this.alive.add(ws);
    // A frame that breaks the protocol (too large, bad UTF-8, reserved bits or opcodes) ends this socket
    // (ws closes it with the right code after 'error'); nothing else.
    ws.on('error', (error) => {
      this.logger.info(
        { conversationId, error: error.name, code: (error as NodeJS.ErrnoException).code },
        'direct line socket closed on a protocol error',
      );
      ws.terminate();
    });
    let cursor = watermark;
    let pulling: Promise<void> = Promise.resolve();
    const pull = () => {
      pulling = pulling.then(async () => {
        while (ws.readyState === ws.OPEN) {
          const group = await this.channel.activitiesAfter(conversationId, cursor);
          if (group.activities.length === 0) return;
          cursor = Number(group.watermark);
          const sentUpTo = cursor;
          ws.send(JSON.stringify(group), (error) => {
            if (!error) this.channel.delivered(conversationId, sentUpTo);
          });
        }
      });
      pulling.catch((error) => {
        this.logger.warn(
          { conversationId, error: (error as Error).name },
          'direct line stream could not read activities',
        );
        ws.close(1011);
      });
    };
    const unsubscribe = this.channel.subscribe(conversationId, pull);
    this.conversationOf.set(ws, conversationId);
    ws.on('pong', () => this.alive.add(ws));
    // directlinejs sends empty messages as its own keep-alive; nothing a client sends is acted on.
    ws.on('message', () => this.alive.add(ws));
    ws.on('close', () => {
      this.conversationOf.delete(ws);
      unsubscribe();
      release();
    });
    pull();
  }

  private ping(): void {
    for (const ws of this.wss.clients) {
      if (!this.alive.has(ws)) {
        ws.terminate();
        continue;
      }
      this.alive.delete(ws);
      ws.ping();
    }
  }
}

/** '' or absent means from the start; anything else must be a whole number. */
export function parseWatermark(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined || value === '' || value === '-') return 0;
  return /^\d{1,15}$/.test(value) ? Number(value) : undefined;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  503: 'Service Unavailable',
};

function decodePathSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function refuseUpgrade(socket: Duplex, status: number, error: string): void {
  if (socket.destroyed || !socket.writable) return void socket.destroy();
  const body = JSON.stringify({ error });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `Connection: close\r\n\r\n${body}`,
  );
}
