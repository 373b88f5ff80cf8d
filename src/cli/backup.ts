import { ConfigError, loadConfig, loadDotEnv } from '../platform/config';
import { BackupError, backupSqlite } from '../platform/storage/sqlite/backup';

/**
 * `npm run backup -- <file>`: an online, consistent copy of the SQLite database (the server may keep
 * running). For PostgreSQL it prints the pg_dump line to use instead. Exit codes: 0 done, 1 failed,
 * 2 wrong use.
 */
async function main(): Promise<number> {
  loadDotEnv();
  const config = loadConfig();
  const target = process.argv.slice(2).find((arg) => !arg.startsWith('--'));
  if (config.database.kind === 'postgres') {
    process.stderr.write(
      'DATABASE_URL is PostgreSQL: back it up with pg_dump, for example\n' +
        '  pg_dump --format=custom --file=steady-$(date +%F).dump "$DATABASE_URL"\n' +
        '(see docs/deploying.md, "Backups").\n',
    );
    return 2;
  }
  if (!target) {
    process.stderr.write(
      'Usage: npm run backup -- <file>   (for example: npm run backup -- backups/steady-2027-01-31.db)\n',
    );
    return 2;
  }
  const result = await backupSqlite(config.database.file, target);
  process.stdout.write(
    `Backed up ${config.database.file} to ${result.file} (${result.bytes} bytes); integrity check: ok.\n`,
  );
  return 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      const known = error instanceof ConfigError || error instanceof BackupError;
      process.stderr.write(`${known ? `Backup failed: ${error.message}` : `Backup failed: ${String(error)}`}\n`);
      process.exit(error instanceof ConfigError ? 2 : 1);
    },
  );
}
