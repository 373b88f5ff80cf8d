import { randomBytes } from 'node:crypto';
import { Client, type Notification, type Pool } from 'pg';
import type { Logger } from '../../logger';
import type { ChangeNotifier } from '../repositories';
import { InProcessNotifier } from '../notifier';

const RECONNECT_MS = 1_000;

/**
 * Change notices across instances with PostgreSQL LISTEN/NOTIFY. Listeners here are called at once; the
 * notice also goes out with NOTIFY on a channel named after the schema (so deployments sharing a database
 * do not hear each other), and notices from other instances arrive on one dedicated listening connection.
 * A notice is a hint to re-read the database, never data: a lost one only delays a push until the next.
 */
export class PostgresNotifier implements ChangeNotifier {
  private readonly local = new InProcessNotifier();
  private readonly instance = randomBytes(6).toString('hex');
  private channel: Promise<string> | undefined;
  private listener: Client | undefined;
  private listening: Promise<void> | undefined;
  private closed = false;
  private logger: Pick<Logger, 'warn'> | undefined;

  constructor(private readonly pool: Pool) {}

  /** Where to report a lost listening connection (it reconnects by itself). */
  useLogger(logger: Pick<Logger, 'warn'>): void {
    this.logger = logger;
  }

  publish(topic: string): void {
    this.local.publish(topic);
    if (this.closed) return;
    void this.channelName()
      .then((channel) => this.pool.query('SELECT pg_notify($1, $2)', [channel, `${this.instance} ${topic}`]))
      .catch(() => this.logger?.warn({ kind: 'notify_failed' }, 'change notice not sent'));
  }

  subscribe(listener: (topic: string) => void): () => void {
    this.listening ??= this.listen();
    return this.local.subscribe(listener);
  }

  /** Resolves once the listening connection is up (tests wait for it before publishing elsewhere). */
  async ready(): Promise<void> {
    this.listening ??= this.listen();
    await this.listening;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.local.close();
    const client = this.listener;
    this.listener = undefined;
    await client?.end().catch(() => undefined);
  }

  private channelName(): Promise<string> {
    this.channel ??= this.pool
      .query<{ schema: string }>('SELECT current_schema() AS schema')
      .then(({ rows }) => `steady_changes_${rows[0]?.schema ?? 'public'}`);
    return this.channel;
  }

  private async listen(): Promise<void> {
    if (this.closed) return;
    const channel = await this.channelName();
    const client = new Client(this.pool.options);
    client.on('notification', (message: Notification) => this.received(message));
    client.on('error', () => this.reconnect(client));
    client.on('end', () => this.reconnect(client));
    try {
      await client.connect();
      await client.query(`LISTEN "${channel.replace(/"/g, '')}"`);
      this.listener = client;
      if (this.closed) await client.end();
    } catch {
      this.reconnect(client);
    }
  }

  private reconnect(client: Client): void {
    if (this.closed || (this.listener !== undefined && this.listener !== client)) return;
    this.listener = undefined;
    client.end().catch(() => undefined);
    this.logger?.warn({ kind: 'listen_lost' }, 'change notices paused; reconnecting');
    setTimeout(() => {
      this.listening = this.listen();
    }, RECONNECT_MS).unref();
  }

  private received(message: Notification): void {
    const payload = message.payload ?? '';
    const space = payload.indexOf(' ');
    if (space < 0 || payload.slice(0, space) === this.instance) return;
    this.local.publish(payload.slice(space + 1));
  }
}
