import { Pool, type PoolClient } from 'pg';
import { type ConversationLocks, ConversationLockTimeout } from '../conversationLocks';

/** How long a turn waits for another instance to finish a turn of the same conversation. */
export const DEFAULT_CONVERSATION_LOCK_WAIT_MS = 15_000;

/**
 * A session-level advisory lock per conversation, held for the whole turn (read state, run the dialogs,
 * save state), so two instances never run turns of one conversation at once. The lock lives on a
 * connection of its own small pool: a turn holding it still needs the main pool for its reads and writes,
 * and sharing one pool could leave every connection holding a lock while the turns wait for a connection.
 * The wait is bounded: pg_try_advisory_lock is retried with a growing pause until the deadline.
 * A connection that breaks takes its locks with it, so a crashed instance never leaves a conversation locked.
 */
export class PostgresConversationLocks implements ConversationLocks {
  private readonly pool: Pool;

  constructor(options: { url: string; size: number; namespace: string; waitMs?: number }) {
    this.pool = new Pool({ connectionString: options.url, max: options.size });
    this.pool.on('error', () => undefined);
    this.namespace = options.namespace;
    this.waitMs = options.waitMs ?? DEFAULT_CONVERSATION_LOCK_WAIT_MS;
  }

  private readonly namespace: string;
  private readonly waitMs: number;

  async run<T>(conversationKey: string, task: () => Promise<T>): Promise<T> {
    // Keyed by deployment (schema) and conversation; hashtextextended gives the 64-bit key.
    const key = `${this.namespace}:${conversationKey}`;
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await this.acquire(client, key);
      try {
        return await task();
      } finally {
        try {
          await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [key]);
        } catch (error) {
          // Dropping the connection releases the lock as surely as the unlock would.
          broken = error instanceof Error ? error : new Error(String(error));
        }
      }
    } finally {
      client.release(broken);
    }
  }

  private async acquire(client: PoolClient, key: string): Promise<void> {
    const deadline = Date.now() + this.waitMs;
    for (let pause = 5; ; pause = Math.min(pause * 2, 100)) {
      const { rows } = await client.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked',
        [key],
      );
      if (rows[0]?.locked) return;
      if (Date.now() + pause > deadline) throw new ConversationLockTimeout(this.waitMs);
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }

  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }
}
