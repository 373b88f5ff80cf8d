import Database from 'better-sqlite3';
import { chmodSync, existsSync, renameSync, rmSync } from 'node:fs';

export interface BackupResult {
  file: string;
  bytes: number;
  pages: number;
}

/**
 * An online, consistent copy of a SQLite database through SQLite's backup API (better-sqlite3's
 * db.backup): the server keeps running and writing; the copy is one committed state of the database.
 * Written to a temporary file beside the target, checked with PRAGMA integrity_check, then renamed into
 * place, so a half-written file never carries the backup's name. Readable by its owner only: it holds
 * everything the database does.
 */
export async function backupSqlite(source: string, target: string): Promise<BackupResult> {
  if (!existsSync(source)) throw new BackupError(`there is no database at ${source} (check DATABASE_URL)`);
  if (existsSync(target))
    throw new BackupError(`${target} already exists; choose a new file name (for example one with the date in it)`);
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  // Read-write, though it only reads: a read-only connection cannot open a WAL database whose -shm file is gone.
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const { totalPages } = await db.backup(partial);
    chmodSync(partial, 0o600);
    const copy = new Database(partial, { readonly: true });
    let check: string;
    let bytes: number;
    try {
      check = copy.pragma('integrity_check', { simple: true }) as string;
      bytes =
        (copy.pragma('page_count', { simple: true }) as number) *
        (copy.pragma('page_size', { simple: true }) as number);
    } finally {
      copy.close();
    }
    if (check !== 'ok')
      throw new BackupError(`the copy failed its integrity check (${check}); the database file may be damaged`);
    renameSync(partial, target);
    return { file: target, bytes, pages: totalPages };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    db.close();
  }
}

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}
