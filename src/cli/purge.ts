import { ConfigError, loadConfig, loadDotEnv } from '../platform/config';
import { purgeInactive, retentionCutoff } from '../features/privacy/personalData';
import { openDataStore } from '../platform/storage';

/**
 * `npm run purge [-- --at <ISO instant>]`: deletes everything about people inactive longer than
 * RETENTION_DAYS, for cron-style deployments. `--at` sets "now" (tests and catch-up runs).
 */
function parseAt(args: string[]): Date {
  const index = args.indexOf('--at');
  if (index === -1) return new Date();
  const at = new Date(args[index + 1] ?? '');
  if (Number.isNaN(at.getTime()))
    throw new ConfigError('--at', 'must be an ISO date and time, for example 2027-01-01T00:00:00Z');
  return at;
}

async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  const now = parseAt(process.argv.slice(2));
  const store = await openDataStore(config.database);
  try {
    const cutoff = retentionCutoff(now, config.retention.days);
    const purged = await purgeInactive(store, cutoff);
    process.stdout.write(
      `Purged ${purged} inactive ${purged === 1 ? 'person' : 'people'} (last seen before ${cutoff.toISOString()}).\n`,
    );
  } finally {
    await store.close();
  }
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`${error instanceof ConfigError ? error.message : 'Purge failed: ' + String(error)}\n`);
    process.exit(error instanceof ConfigError ? 2 : 1);
  });
}
