import type { SqliteDb } from './database';

type Settle = { resolve(): void; reject(error: unknown): void };

const groups = new WeakMap<SqliteDb, GroupCommit>();

/**
 * Runs a write a turn makes in the connection's group when the repository has one (the app's store),
 * else on its own; either way the promise settles once the write is committed.
 */
export async function commitTurnWrite<T>(group: GroupCommit | undefined, write: () => T): Promise<T> {
  return group ? group.run(write) : write();
}

/**
 * Group commit for the writes turns make (their state, intake answers and results, consent, the visit,
 * the reference for check-ins; see commitTurnWrite): the ones made in the same
 * pass of the event loop share one transaction, committed when the pass is over (setImmediate). Each
 * writer's promise settles only once its write is committed, so a turn is still acknowledged only after
 * its writes are in the WAL, and a crash loses nothing that was acknowledged. Under load, many turns
 * share a commit; a commit (with its locks and WAL append) cost more than the rest of a turn's SQL.
 *
 * Every other write keeps committing at once: before any write statement, transaction, exec or pragma
 * outside run(), the open group is committed first, so that write is never held back by a group (the
 * check-in queue relies on its claims being committed before a prompt is sent).
 */
export class GroupCommit {
  private open = false;
  private depth = 0;
  private waiters: Settle[] = [];
  private readonly begin;
  private readonly commit;
  private readonly rollback;

  /** The one GroupCommit of this connection (it changes how the connection runs writes, so only once). */
  static of(db: SqliteDb): GroupCommit {
    let group = groups.get(db);
    if (!group) groups.set(db, (group = new GroupCommit(db)));
    return group;
  }

  private constructor(private readonly db: SqliteDb) {
    this.begin = db.prepare('BEGIN IMMEDIATE');
    this.commit = db.prepare('COMMIT');
    this.rollback = db.prepare('ROLLBACK');
    this.commitGroupBeforeOtherWrites();
  }

  /**
   * Runs `write` (synchronous SQL) in the shared transaction, opening it when none is open; resolves
   * with its result once the transaction is committed. A write that throws rejects alone: nested
   * db.transaction() calls become savepoints, and a failed statement undoes only itself.
   */
  run<T>(write: () => T): Promise<T> {
    if (this.db.inTransaction && !this.open) {
      // Called inside someone's synchronous transaction: it commits when that one does.
      try {
        return Promise.resolve(write());
      } catch (error) {
        return Promise.reject(error);
      }
    }
    if (!this.open) {
      this.begin.run();
      this.open = true;
      setImmediate(() => this.flush());
    }
    let value: T;
    this.depth++;
    try {
      value = write();
    } catch (error) {
      return Promise.reject(error);
    } finally {
      this.depth--;
    }
    return new Promise<T>((resolve, reject) => this.waiters.push({ resolve: () => resolve(value), reject }));
  }

  /** Commits the open group now (nothing when none is open); a failed commit rolls it back and rejects its writers. */
  flush(): void {
    if (!this.open) return;
    this.open = false;
    const waiters = this.waiters;
    this.waiters = [];
    try {
      // Closed under an open group (SqliteDataStore.close flushes first): the writes were never committed.
      if (!this.db.open) throw new Error('the database was closed before the group was committed');
      this.commit.run();
    } catch (error) {
      if (this.db.open && this.db.inTransaction) this.rollback.run();
      for (const waiter of waiters) waiter.reject(error);
      return;
    }
    for (const waiter of waiters) waiter.resolve();
  }

  private commitGroupBeforeOtherWrites(): void {
    const db = this.db;
    const beforeOtherWrite = () => {
      if (this.open && this.depth === 0) this.flush();
    };
    const prepare = db.prepare.bind(db) as (...args: unknown[]) => ReturnType<SqliteDb['prepare']>;
    const transaction = db.transaction.bind(db);
    const exec = db.exec.bind(db);
    const pragma = db.pragma.bind(db);
    Object.assign(db, {
      prepare: (...args: unknown[]) => {
        const statement = prepare(...args);
        if (statement.readonly) return statement;
        const methods = statement as unknown as Record<'run' | 'get' | 'all' | 'iterate', (...a: unknown[]) => unknown>;
        for (const name of ['run', 'get', 'all', 'iterate'] as const) {
          const execute = methods[name].bind(statement);
          methods[name] = (...a: unknown[]) => {
            beforeOtherWrite();
            return execute(...a);
          };
        }
        return statement;
      },
      transaction: (fn: (...a: unknown[]) => unknown) => {
        const inner = transaction(fn);
        const guarded = (variant: (...a: unknown[]) => unknown) => (...a: unknown[]) => {
          beforeOtherWrite();
          return variant(...a);
        };
        return Object.assign(guarded(inner), {
          default: guarded(inner.default),
          deferred: guarded(inner.deferred),
          immediate: guarded(inner.immediate),
          exclusive: guarded(inner.exclusive),
        });
      },
      exec: (source: string) => {
        beforeOtherWrite();
        return exec(source);
      },
      pragma: (source: string, options?: { simple?: boolean }) => {
        beforeOtherWrite();
        return pragma(source, options);
      },
    });
  }
}
