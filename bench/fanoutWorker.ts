// One fan-out dispatcher process (see fanout.ts): the real app on the shared database, run once at the due instant.
import { loadConfig } from '../src/platform/config';
import { buildApp } from '../src/index';
import { createLogger } from '../src/platform/logger';
import { FANOUT_DUE } from './fanout';

async function main(): Promise<void> {
  const app = await buildApp(loadConfig(), { logger: createLogger('silent'), clock: { now: () => FANOUT_DUE } });
  process.stdout.write('ready\n');
  await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const report = await app.runCheckIns(FANOUT_DUE);
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  await app.stop();
  const result = {
    sent: report.sent,
    claimed: report.claimed,
    seconds,
    cpuMsPerSend: (cpu.user + cpu.system) / 1000 / Math.max(report.sent, 1),
    peakRssMb: Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error}\n`);
  process.exit(1);
});
