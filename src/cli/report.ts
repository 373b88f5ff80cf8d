import { ConfigError, loadConfig, loadDotEnv } from '../platform/config';
import { buildProgramReport, formatReportTable } from '../features/program/programReport';
import { openDataStore } from '../platform/storage';

/**
 * `npm run report [-- --json]`: the program's figures in aggregate, as a table (the default) or as JSON.
 * De-identified: counts only, and 1 to 4 shown as "<5". `--at <ISO instant>` sets "now" (tests, catch-up).
 */
async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  const args = process.argv.slice(2);
  const atIndex = args.indexOf('--at');
  const now = atIndex >= 0 ? new Date(args[atIndex + 1] ?? '') : new Date();
  if (Number.isNaN(now.getTime()))
    throw new ConfigError('--at', 'must be an ISO date and time, for example 2027-01-01T00:00:00Z');
  const store = await openDataStore(config.database);
  try {
    const report = buildProgramReport(await store.operations.reportRows(), now);
    process.stdout.write(
      args.includes('--json') ? `${JSON.stringify(report, null, 2)}\n` : `${formatReportTable(report)}\n`,
    );
  } finally {
    await store.close();
  }
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`${error instanceof ConfigError ? error.message : 'Report failed: ' + String(error)}\n`);
    process.exit(error instanceof ConfigError ? 2 : 1);
  });
}
