// `npm run bench:webchat`: how long a first visit to the chat page takes in Debian's Chromium, from a
// cold load (empty browser cache) to the first bot message on screen (the page's early bubble) and to
// the same message in Web Chat, and how many bytes went over the wire. Median of several visits. The browser test (tests/browser/webchat.test.ts) records the same figure once per run.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadContent } from '../src/platform/content/loader';
import { CHROMIUM, CHROMIUM_FLAGS, type ColdLoad, coldLoad } from './browser';
import { COACH_NODE_FLAGS, percentiles, ROOT, startProcess } from './lib';

/** Waits until the server sends the bundle brotli-compressed (a first start makes that copy once, in the background). */
async function warmBrotli(url: string): Promise<void> {
  const html = await (await fetch(url)).text();
  const bundle = /\/webchat\/webchat\.[0-9a-f]+\.js/.exec(html)?.[0];
  if (!bundle) throw new Error('the chat page names no Web Chat bundle');
  for (let i = 0; i < 240; i++) {
    const response = await fetch(new URL(bundle, url), { headers: { 'accept-encoding': 'br' } });
    await response.arrayBuffer();
    if (response.headers.get('content-encoding') === 'br') return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the brotli copy of the bundle was not ready after 2 minutes');
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

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
    await warmBrotli(url);
    await coldLoad(browser, url, greeting); // the server's own first page and first conversation; not counted
    const loads: ColdLoad[] = [];
    for (let i = 0; i < visits; i++) loads.push(await coldLoad(browser, url, greeting));
    const spread = (values: number[]) => ({
      ...percentiles([...values]),
      min: Math.min(...values),
      max: Math.max(...values),
    });
    const report = {
      date: new Date().toISOString(),
      visits,
      loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
      firstMessageMs: spread(loads.map((l) => l.firstMessageMs)),
      webChatMessageMs: spread(loads.map((l) => l.webChatMessageMs)),
      wireBytes: median(loads.map((l) => l.wireBytes)),
      bundleWireBytes: median(loads.map((l) => l.bundleWireBytes)),
      bundleArrivedMs: median(loads.map((l) => l.bundleArrivedMs)),
      webChatRanMs: median(loads.map((l) => l.webChatRanMs)),
    };
    process.stdout.write(
      `Web chat cold load (390x844, ${visits} visits, each with an empty cache; load average ${report.loadAverage.join(' ')}):\n` +
        `  first bot message on screen: median ${report.firstMessageMs.p50Ms} ms (min ${report.firstMessageMs.min}, max ${report.firstMessageMs.max})\n` +
        `  first bot message in Web Chat (buttons ready): median ${report.webChatMessageMs.p50Ms} ms (min ${report.webChatMessageMs.min}, max ${report.webChatMessageMs.max})\n` +
        `  of which: bundle arrived at ${report.bundleArrivedMs} ms, had run by ${report.webChatRanMs} ms (medians)\n` +
        `  on the wire: ${(report.wireBytes / 1e6).toFixed(3)} MB in all, Web Chat bundle ${(report.bundleWireBytes / 1e6).toFixed(3)} MB\n`,
    );
    const results = join(ROOT, 'bench', 'results');
    mkdirSync(results, { recursive: true });
    writeFileSync(join(results, 'webchat-load.json'), JSON.stringify(report, null, 2) + '\n');
    // npm run bench's results keep their shape: this adds (or replaces) one field.
    const latest = join(results, 'latest.json');
    if (existsSync(latest)) {
      const previous = JSON.parse(readFileSync(latest, 'utf8')) as Record<string, unknown>;
      writeFileSync(latest, JSON.stringify({ ...previous, webchatColdLoad: report }, null, 2) + '\n');
    }
    process.stdout.write(
      `Written to bench/results/webchat-load.json${existsSync(latest) ? ' and the webchatColdLoad field of latest.json' : ''}\n`,
    );
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
