import { ConfigError, loadConfig, loadDotEnv } from '../platform/config';
import { buildApp } from '../index';
import { createLogger } from '../platform/logger';

/**
 * `npm run checkins -- --at 2026-12-07T18:00:00Z`: runs the check-ins (and periodic jobs) due at that
 * instant once, prints what happened, and exits. Without --at it uses the current time. For cron-style
 * deployments (CHECKIN_INTERVAL_MS=0 on the server) and for operators.
 */
export function parseAt(argv: string[], now: Date): Date {
  const index = argv.indexOf('--at');
  const inline = argv.find((a) => a.startsWith('--at='));
  const raw = inline ? inline.slice('--at='.length) : index >= 0 ? argv[index + 1] : undefined;
  if (raw === undefined) return now;
  if (
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(raw) ||
    Number.isNaN(Date.parse(raw))
  ) {
    throw new ConfigError('--at', 'must be an ISO-8601 instant with a zone, for example 2026-12-07T18:00:00Z');
  }
  return new Date(raw);
}

async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  const at = parseAt(process.argv.slice(2), new Date());
  const app = await buildApp(config, {
    clock: { now: () => at },
    logger: createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel),
  });
  try {
    // Every job once at that instant: the check-ins' counts first, then how each other job went.
    const outcomes = await app.scheduler.tick(at);
    const checkIns = outcomes.find((outcome) => outcome.name === app.jobs.checkIns.name);
    const others = Object.fromEntries(
      outcomes.filter((outcome) => outcome !== checkIns).map(({ name, ok, result }) => [name, { ok, result }]),
    );
    process.stdout.write(
      `${JSON.stringify({ at: at.toISOString(), ...(checkIns?.result as object | undefined), jobs: others })}\n`,
    );
    if (outcomes.some((outcome) => !outcome.ok)) process.exitCode = 1;
  } finally {
    await app.stop();
  }
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`${error instanceof ConfigError ? error.message : 'Check-ins failed: ' + String(error)}\n`);
    process.exit(error instanceof ConfigError ? 2 : 1);
  });
}
