/**
 * The writes a turn makes that can wait for the turn's end: the turn pipeline starts them together with
 * the turn's state write, so on SQLite they join one group commit (and one savepoint, see
 * DataStore.together) instead of each waiting for a commit of its own in the middle of the turn. They
 * are committed before the turn is acknowledged, like the state, so a crash loses no acknowledged turn.
 *
 * A write is queued under a key: a later write with the same key replaces it (only the last answers of
 * a turn are stored), and a service that must read or replace the row first runs or drops it.
 */
export class TurnWrites {
  private readonly queued = new Map<string, () => Promise<unknown>>();

  /** Queues `write` for the turn's end, replacing a write queued under the same key. */
  defer(key: string, write: () => Promise<unknown>): void {
    this.queued.delete(key);
    this.queued.set(key, write);
  }

  /** Forgets the write queued under `key` (what it would store is about to be replaced or removed). */
  drop(key: string): void {
    this.queued.delete(key);
  }

  /** Runs the write queued under `key` now, so a read that follows sees it. */
  async runNow(key: string): Promise<void> {
    const write = this.queued.get(key);
    if (!write) return;
    this.queued.delete(key);
    await write();
  }

  /**
   * Starts every queued write, synchronously and in queue order, and empties the queue. The caller
   * awaits the promises with its own write, started in the same pass of the event loop.
   */
  start(): Promise<unknown>[] {
    const writes = [...this.queued.values()];
    this.queued.clear();
    return writes.map((write) => write());
  }

  /** Drops every queued write (the person's data was deleted during the turn). */
  discard(): void {
    this.queued.clear();
  }
}
