import type { SqliteDb } from './database';

interface PendingWrite {
  write: () => unknown;
  resolve(value: unknown): void;
  reject(error: unknown): void;
  /** Writes queued inside one together() call share this token, and one savepoint. */
  unit?: object;
}

const groups = new WeakMap<SqliteDb, GroupCommit>();

/**
 * Runs a write a turn makes in the store's group when the repository has one (the app's store), else
 * on its own at once; either way the promise settles once the write is committed.
 */
export async function commitTurnWrite<T>(group: GroupCommit | undefined, write: () => T): Promise<T> {
  return group ? group.run(write) : write();
}

/**
 * Group commit for the writes turns make (their state, intake answers and results, consent, the visit,
 * the reference for check-ins; see commitTurnWrite). It is our own unit of work, not a change to the
 * connection: a turn hands its write (a synchronous function of SQL) to run(), which queues it. When the
 * current pass of the event loop is over (setImmediate), every queued write runs in one transaction,
 * each in its own savepoint, and the transaction commits. Each writer's promise settles only then, so a
 * turn is acknowledged only after its writes are in the WAL, and a crash loses nothing acknowledged.
 * Under load many turns share one commit; a commit (its locks and WAL append) costs more than the rest
 * of a turn's SQL.
 *
 * Writes outside run() are untouched: the group's transaction is open only inside flush(), which is
 * synchronous, so no other write can ever land in it or wait for it (the check-in queue relies on its
 * claims being committed before a prompt is sent).
 */
export class GroupCommit {
  private pending: PendingWrite[] = [];
  private scheduled = false;
  /** Set while a together() call queues its writes. */
  private unit?: object;
  private readonly begin;
  private readonly commit;
  private readonly rollback;
  /** Inside BEGIN, better-sqlite3 runs a transaction function as a savepoint: a failed write undoes only itself. */
  private readonly inSavepoint;

  /** The one GroupCommit of this connection, so all turn writes on it share the same groups. */
  static of(db: SqliteDb): GroupCommit {
    let group = groups.get(db);
    if (!group) groups.set(db, (group = new GroupCommit(db)));
    return group;
  }

  private constructor(private readonly db: SqliteDb) {
    this.begin = db.prepare('BEGIN IMMEDIATE');
    this.commit = db.prepare('COMMIT');
    this.rollback = db.prepare('ROLLBACK');
    this.inSavepoint = db.transaction((write: () => unknown) => write());
  }

  /**
   * Queues `write` (synchronous SQL) for the next group and resolves with its result once the group is
   * committed. A write that throws rejects alone. Called inside someone's synchronous transaction, it
   * runs at once and commits with that transaction.
   */
  run<T>(write: () => T): Promise<T> {
    if (this.db.inTransaction) {
      try {
        return Promise.resolve(write());
      } catch (error) {
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- passes on exactly what write() threw
        return Promise.reject(error);
      }
    }
    const unit = this.unit;
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ write, resolve: resolve, reject, ...(unit ? { unit } : {}) });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /**
   * The writes `queue` hands to run() (synchronously) form one unit: they run in one savepoint of the
   * next group, so they are committed together or all fail (a turn's state and its intake answers).
   */
  together<T>(queue: () => T): T {
    const outer = this.unit;
    this.unit = outer ?? {};
    try {
      return queue();
    } finally {
      this.unit = outer;
    }
  }

  /** Runs and commits the queued writes now (nothing when none are queued); a failed commit rejects them all. */
  flush(): void {
    this.scheduled = false;
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    // Closed with writes queued (SqliteDataStore.close flushes first): they were never committed.
    if (!this.db.open) {
      const closed = new Error('the database was closed before the group was committed');
      for (const entry of batch) entry.reject(closed);
      return;
    }
    const done: Array<{ entry: PendingWrite; value: unknown }> = [];
    try {
      this.begin.run();
    } catch (error) {
      for (const entry of batch) entry.reject(error);
      return;
    }
    for (let i = 0; i < batch.length;) {
      // A unit's writes were queued one after another: take them as one savepoint.
      let end = i + 1;
      while (batch[i].unit && end < batch.length && batch[end].unit === batch[i].unit) end++;
      const unit = batch.slice(i, end);
      i = end;
      try {
        const values = this.inSavepoint(() => unit.map((entry) => entry.write())) as unknown[];
        unit.forEach((entry, k) => done.push({ entry, value: values[k] }));
      } catch (error) {
        for (const entry of unit) entry.reject(error);
      }
    }
    try {
      this.commit.run();
    } catch (error) {
      if (this.db.inTransaction) this.rollback.run();
      for (const { entry } of done) entry.reject(error);
      return;
    }
    for (const { entry, value } of done) entry.resolve(value);
  }
}
