// `npm run bench:webchat`: how long a first visit to the chat page takes in Debian's Chromium, from a
// cold load (empty browser cache) to the first bot message on screen, and how many bytes went over the
// wire. The browser test (tests/browser/webchat.test.ts) records the same figure once per run.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadContent } from '../src/content/loader';
import { CHROMIUM, CHROMIUM_FLAGS, type ColdLoad, coldLoad } from './browser';
import { COACH_NODE_FLAGS, percentiles, ROOT, startProcess } from './lib';

async function main() {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: apt-get install -y chromium`);
  const { chromium } = await import('playwright-core');
  const visits = Number(process.env.BENCH_WEBCHAT_VISITS ?? 7);
  const dir = mkdtempSync(join(tmpdir(), 'bench-webchat-'));
  const server = await startProcess(
    'src/index.js',
    { DATABASE_URL: `sqlite:${join(dir, 'coach.db')}` },
    COACH_NODE_FLAGS,
  );
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
  try {
    const url = `http://127.0.0.1:${server.port}/`;
    const greeting = loadContent('en').text('welcome.greeting');
    await coldLoad(browser, url, greeting); // makes the compressed copies on a first start; not counted
    const loads: ColdLoad[] = [];
    for (let i = 0; i < visits; i++) loads.push(await coldLoad(browser, url, greeting));
    const times = loads.map((l) => l.firstMessageMs).sort((a, b) => a - b);
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const report = {
      visits,
      firstMessageMs: { ...percentiles(times), min: times[0], max: times[times.length - 1] },
      wireBytes: loads[0].wireBytes,
      bundleWireBytes: loads[0].bundleWireBytes,
      bundleArrivedMs: median(loads.map((l) => l.bundleArrivedMs)),
      scriptsRanMs: median(loads.map((l) => l.scriptsRanMs)),
    };
    process.stdout.write(
      `Web chat cold load (390x844, ${visits} visits, each with an empty cache):\n` +
        `  first bot message after: median ${report.firstMessageMs.p50Ms} ms (min ${report.firstMessageMs.min}, max ${report.firstMessageMs.max})\n` +
        `  of which: bundle arrived at ${report.bundleArrivedMs} ms, scripts had run (DOMContentLoaded) at ${report.scriptsRanMs} ms (medians)\n` +
        `  on the wire: ${(report.wireBytes / 1e6).toFixed(2)} MB in all, Web Chat bundle ${(report.bundleWireBytes / 1e6).toFixed(2)} MB\n`,
    );
    mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
    writeFileSync(join(ROOT, 'bench', 'results', 'webchat-load.json'), JSON.stringify(report, null, 2));
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
