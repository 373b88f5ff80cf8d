/**
 * Remembers which Slack deliveries were already handled, so Slack's retries, replays and a second
 * click on one message change nothing. Both ways in (Events API over HTTP and Socket Mode) call this one
 * interface. Entries are kept for an hour (Slack retries within minutes).
 *
 * CONTRACTS item 5: the hardening work provides the durable version (one database table, SQLite and
 * PostgreSQL) behind this same interface; until then the in-memory one below is the default, and the
 * swap is one line in createSlackDirect.
 */
export interface SlackDeduplicator {
  /** True the first time `key` is seen within the hour (and records it); false for a repeat. */
  firstSeen(key: string, at: Date): Promise<boolean>;
}

export const SLACK_DEDUP_TTL_MS = 60 * 60_000;
const MAX_ENTRIES = 10_000;

/** Per process: forgets on restart. Oldest entries go first (a Map keeps insertion order). */
export class InMemorySlackDeduplicator implements SlackDeduplicator {
  private readonly seen = new Map<string, number>();

  async firstSeen(key: string, at: Date): Promise<boolean> {
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
