/**
 * Remembers which Slack deliveries were already handled, so Slack's retries, replays and a second
 * click on one message change nothing. Both ways in (Events API over HTTP and Socket Mode) call this one
 * interface. Entries are kept for an hour (Slack retries within minutes).
 *
 * CONTRACTS item 5: the hardening work provides the durable version (one database table, SQLite and
 * PostgreSQL: `store.seenEvents`, the same `markSeen(key, at)` shape); until it is merged the in-memory
 * one below is the default, and the swap is one line in createSlackDirect.
 */
export interface SlackDeduplicator {
  /** Records the key; true when it was not seen within the last hour (handle it), false for a repeat. */
  markSeen(key: string, at: Date): Promise<boolean>;
}

export const SLACK_DEDUP_TTL_MS = 60 * 60_000;
const MAX_ENTRIES = 10_000;

/** Per process: forgets on restart. Oldest entries go first (a Map keeps insertion order). */
export class InMemorySlackDeduplicator implements SlackDeduplicator {
  private readonly seen = new Map<string, number>();

  markSeen(key: string, at: Date): Promise<boolean> {
    return Promise.resolve(this.markSeenNow(key, at));
  }

  private markSeenNow(key: string, at: Date): boolean {
    const now = at.getTime();
    for (const [seenKey, seenAt] of this.seen) {
      if (now - seenAt < SLACK_DEDUP_TTL_MS && this.seen.size < MAX_ENTRIES) break;
      this.seen.delete(seenKey);
    }
    if (this.seen.has(key)) return false;
    this.seen.set(key, now);
    return true;
  }
}
