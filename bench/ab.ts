// `npm run bench:ab -- <dirA> <dirB> [label]`: the coach of two built checkouts side by side, under the same
// closed-loop load in alternating rounds (A, B, A, B, ...), so a shared machine's ups and downs touch both.
// Each side runs `<dir>/dist/src/index.js` with its own node_modules, its own `npm start` flags and a fresh
// SQLite file, and walks its own bench script (the intake, from its own content). With a label the result
// is also written to bench/results/ab-<label>.json (docs/benchmarks.md lists those files).
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { cpuMilliseconds, percentiles, ROOT, runLoad, type Server } from './lib';

const CONCURRENCY = 16;
const ROUNDS = Number(process.env.AB_ROUNDS ?? 6);
const PER_ROUND = Number(process.env.AB_CONVERSATIONS ?? 150);
const WARM = 100;

interface Side {
  name: 'A' | 'B';
  dir: string;
  db: string;
  script: string[];
  server: Server;
  rounds: Array<{ turnsPerSecond: number; p50Ms: number; p99Ms: number; cpuMsPerTurn: number; errors: number }>;
}

function start(dir: string, db: string): Promise<Server> {
  const { start: command } = (
    JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      scripts: { start: string };
    }
  ).scripts;
  const flags = command
    .slice(command.lastIndexOf('node '))
    .split(/\s+/)
    .filter((token) => token.startsWith('--'));
  const child = spawn(process.execPath, [...flags, join(dir, 'dist', 'src', 'index.js')], {
    cwd: dir,
    env: { PATH: process.env.PATH, LOG_LEVEL: 'warn', PORT: '0', DATABASE_URL: `sqlite:${db}` },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((done, fail) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const match = /listening on http:\/\/[^:]+:(\d+)/.exec(chunk.toString());
      if (match)
        done({
          child,
          port: Number(match[1]),
          stop: () => new Promise<void>((stopped) => child.once('exit', () => stopped()).kill('SIGTERM')),
        });
    });
    child.once('exit', (code) => fail(new Error(`${dir}: the coach exited with ${code}`)));
  });
}

function commitOf(dir: string): string | undefined {
  try {
    return execFileSync('git', ['-C', dir, 'rev-parse', '--short=7', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round2 = (n: number) => Math.round(n * 100) / 100;
const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

async function main() {
  const [dirA, dirB, label] = process.argv.slice(2);
  if (!dirA || !dirB) throw new Error('usage: npm run bench:ab -- <dirA> <dirB> [label]');
  const sides: Side[] = [];
  for (const [name, dir] of [
    ['A', resolve(dirA)],
    ['B', resolve(dirB)],
  ] as const) {
    const db = join(mkdtempSync(join(tmpdir(), `ab-${name}-`)), 'coach.db');
    // The side's own intake script (its button labels); a checkout without one gets this checkout's.
    let scriptModule = join(dir, 'dist', 'bench', 'script.js');
    try {
      readFileSync(scriptModule);
    } catch {
      scriptModule = join(ROOT, 'dist', 'bench', 'script.js');
    }
    const { BENCH_SCRIPT } = (await import(scriptModule)) as { BENCH_SCRIPT: string[] };
    sides.push({ name, dir, db, script: BENCH_SCRIPT, server: await start(dir, db), rounds: [] });
  }
  if (sides[0].script.length !== sides[1].script.length)
    throw new Error(`the two scripts differ in length (${sides[0].script.length}, ${sides[1].script.length})`);
  const loadAtStart = load();
  process.stdout.write(`load average at start: ${loadAtStart}\n`);
  for (const s of sides) await runLoad(s.server.port, s.script, WARM, CONCURRENCY, `${s.name}-warm`);
  for (let round = 0; round < ROUNDS; round++) {
    for (const s of sides) {
      const cpuBefore = cpuMilliseconds(s.server.child.pid!);
      const latencies: number[] = [];
      const r = await runLoad(s.server.port, s.script, PER_ROUND, CONCURRENCY, `${s.name}-${round}`, 0, latencies);
      const cpuMsPerTurn = (cpuMilliseconds(s.server.child.pid!) - cpuBefore) / r.turns;
      s.rounds.push({ turnsPerSecond: r.turnsPerSecond, ...percentiles(latencies), cpuMsPerTurn, errors: r.errors });
      process.stdout.write(
        `round ${round + 1} ${s.name}: ${r.turnsPerSecond} turns/s, p50 ${r.p50Ms} p99 ${r.p99Ms} ms, ` +
          `${cpuMsPerTurn.toFixed(3)} CPU ms/turn\n`,
      );
    }
  }
  const loadAtEnd = load();
  await Promise.all(sides.map((s) => s.server.stop()));
  const failures: string[] = [];
  const summary = sides.map((s) => {
    const check = new Database(s.db, { readonly: true });
    const intakes = check
      .prepare('SELECT count(*) FROM intake_answers WHERE completed_at IS NOT NULL')
      .pluck()
      .get() as number;
    check.close();
    const expected = WARM + ROUNDS * PER_ROUND;
    const errors = s.rounds.reduce((sum, r) => sum + r.errors, 0);
    if (errors > 0) failures.push(`${s.name}: ${errors} turns failed`);
    if (intakes !== expected) failures.push(`${s.name}: ${intakes} of ${expected} intakes completed`);
    return {
      side: s.name,
      dir: s.dir,
      commit: commitOf(s.dir),
      turnsPerSecond: median(s.rounds.map((r) => r.turnsPerSecond)),
      p50Ms: median(s.rounds.map((r) => r.p50Ms)),
      p99Ms: median(s.rounds.map((r) => r.p99Ms)),
      cpuMsPerTurn: Math.round(median(s.rounds.map((r) => r.cpuMsPerTurn)) * 1000) / 1000,
      roundsTurnsPerSecond: s.rounds.map((r) => r.turnsPerSecond),
    };
  });
  const [a, b] = summary;
  const ratios = {
    // B/A: above 1 means B serves more turns per second; the median of the rounds' own ratios.
    throughput: round2(median(sides[1].rounds.map((r, i) => r.turnsPerSecond / sides[0].rounds[i].turnsPerSecond))),
    p99: round2(b.p99Ms / a.p99Ms),
    cpuPerTurn: round2(b.cpuMsPerTurn / a.cpuMsPerTurn),
  };
  process.stdout.write(`load average at end: ${loadAtEnd}\n\n`);
  process.stdout.write('side  turns/s  p50 ms  p99 ms  CPU ms/turn  (medians of rounds)\n');
  for (const s of summary)
    process.stdout.write(
      `${s.side}     ${String(s.turnsPerSecond).padEnd(8)} ${String(s.p50Ms).padEnd(7)} ${String(s.p99Ms).padEnd(7)} ` +
        `${s.cpuMsPerTurn}   ${s.dir}\n`,
    );
  process.stdout.write(`B/A   throughput ${ratios.throughput}, p99 ${ratios.p99}, CPU per turn ${ratios.cpuPerTurn}\n`);
  if (label) {
    const file = join(ROOT, 'bench', 'results', `ab-${label}.json`);
    const result = { date: new Date().toISOString(), label, rounds: ROUNDS, conversationsPerRound: PER_ROUND };
    const loadAverage = { start: loadAtStart, end: loadAtEnd };
    writeFileSync(file, JSON.stringify({ ...result, loadAverage, sides: summary, ratios }, null, 2) + '\n');
    process.stdout.write(`Written to ${file}\n`);
  }
  if (failures.length > 0) throw new Error(failures.join('; '));
}

main().catch((error) => {
  process.stderr.write(`bench:ab failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
