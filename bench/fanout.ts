// Fan-out benchmark: N enrolled people due at the same instant, dispatched by the real scheduler and
// sender (CloudAdapter.continueConversationAsync, a proactive dialog turn, SQLite state) to a fake channel
// running as its own process on loopback. Pacing off. Dispatchers run as worker processes that share the
// due-queue (atomic lease claims), one per core by default. Reports sends per second and peak memory.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promptKey } from '../src/features/checkins/CheckInPlanner';
import { SqliteDataStore } from '../src/platform/storage/sqlite/SqliteDataStore';
import { COACH_NODE_FLAGS, ROOT } from './lib';

export const FANOUT_DUE = new Date('2026-12-06T23:00:00Z'); // Sunday 6 pm in New York

export interface WorkerReport {
  sent: number;
  claimed: number;
  seconds: number;
  cpuMsPerSend: number;
  peakRssMb: number;
}

export interface FanoutResult {
  people: number;
  workers: number;
  concurrencyPerWorker: number;
  seedSeconds: number;
  seconds: number;
  sent: number;
  acceptedByChannel: number;
  sendsPerSecond: number;
  /** CPU time of the dispatchers per send (user + system), independent of other load on the machine. */
  cpuMsPerSend: number;
  /** Highest peak RSS of one dispatcher process. */
  peakRssMb: number;
  channelPeakRssMb: number;
}

function lines(child: ChildProcess, onLine: (line: string) => void): void {
  let buffer = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    parts.forEach(onLine);
  });
}

export function startChannelProcess(): Promise<{
  serviceUrl: string;
  stop(): Promise<{ accepted: number; peakRssMb: number }>;
}> {
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'bench', 'fakeChannel.js')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let last = { accepted: 0, peakRssMb: 0 };
  return new Promise((resolve, reject) => {
    lines(child, (line) => {
      const listening = /^listening on (\S+)/.exec(line);
      const count = /^accepted (\d+) peakRssMb ([\d.]+)/.exec(line);
      if (count) last = { accepted: Number(count[1]), peakRssMb: Number(count[2]) };
      if (listening)
        resolve({
          serviceUrl: listening[1],
          stop: () =>
            new Promise((done) => {
              child.once('exit', () => done(last));
              child.kill('SIGTERM');
            }),
        });
    });
    child.once('exit', (code) => reject(new Error(`fake channel exited with ${code}`)));
  });
}

export async function seed(file: string, people: number, serviceUrl: string): Promise<void> {
  const store = SqliteDataStore.open(file);
  const enrolledAt = new Date('2026-12-01T15:00:00Z');
  store.db.exec('BEGIN');
  for (let i = 0; i < people; i++) {
    const personId = `bench:person-${i}`;
    await store.enrollments.upsert(
      {
        personId,
        channelId: 'bench',
        weekday: 0,
        localTime: '18:00',
        timeZone: 'America/New_York',
        quietStart: '21:00',
        quietEnd: '09:00',
      },
      enrolledAt,
    );
    await store.conversationRefs.save(
      personId,
      'bench',
      {
        channelId: 'bench',
        serviceUrl,
        conversation: { id: `conversation-${i}` },
        user: { id: `person-${i}` },
        bot: { id: 'steady' },
      },
      enrolledAt,
    );
    await store.dueQueue.enqueue(
      {
        personId,
        kind: 'prompt',
        programWeek: 1,
        idempotencyKey: promptKey(personId, 1),
        slotAt: FANOUT_DUE,
        dueAt: FANOUT_DUE,
      },
      enrolledAt,
    );
  }
  store.db.exec('COMMIT');
  await store.close();
}

/** Starts a dispatcher process; it loads the app, says "ready", and runs the due check-ins on "go". */
function startWorker(
  file: string,
  concurrency: number,
): { ready: Promise<void>; go(): void; done: Promise<WorkerReport> } {
  // With `npm start`'s node flags (the heap cap), so the peak memory is what a deployment would see.
  const child = spawn(
    process.execPath,
    ['--disable-warning=DEP0111', ...COACH_NODE_FLAGS, join(ROOT, 'dist', 'bench', 'fanoutWorker.js')],
    {
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: `sqlite:${file}`,
        CHECKIN_SENDS_PER_SECOND: '0',
        CHECKIN_CONCURRENCY: String(concurrency),
        CHECKIN_INTERVAL_MS: '0',
      },
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const done = new Promise<WorkerReport>((resolve, reject) => {
    lines(child, (line) => {
      if (line === 'ready') markReady();
      else if (line.startsWith('{')) resolve(JSON.parse(line) as WorkerReport);
    });
    child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`worker exited with ${code}`))));
  });
  return { ready, go: () => child.stdin.end('go\n'), done };
}

export async function fanout(
  people = Number(process.env.BENCH_FANOUT_PEOPLE ?? 100_000),
  workers = Number(process.env.BENCH_FANOUT_WORKERS ?? Math.max(1, cpus().length)),
  concurrency = Number(process.env.BENCH_FANOUT_CONCURRENCY ?? 32),
): Promise<FanoutResult> {
  const channel = await startChannelProcess();
  const file = join(mkdtempSync(join(tmpdir(), 'bench-fanout-')), 'coach.db');
  const seedStart = performance.now();
  await seed(file, people, channel.serviceUrl);
  const seedSeconds = (performance.now() - seedStart) / 1000;

  const processes = Array.from({ length: workers }, () => startWorker(file, concurrency));
  await Promise.all(processes.map((p) => p.ready));
  const started = performance.now();
  processes.forEach((p) => p.go());
  const reports = await Promise.all(processes.map((p) => p.done));
  const seconds = (performance.now() - started) / 1000;
  const { accepted, peakRssMb: channelPeakRssMb } = await channel.stop();
  const sent = reports.reduce((n, r) => n + r.sent, 0);
  const cpuMs = reports.reduce((n, r) => n + r.cpuMsPerSend * r.sent, 0);
  return {
    people,
    workers,
    concurrencyPerWorker: concurrency,
    seedSeconds: Math.round(seedSeconds * 10) / 10,
    seconds: Math.round(seconds * 10) / 10,
    sent,
    acceptedByChannel: accepted,
    sendsPerSecond: Math.round(sent / seconds),
    cpuMsPerSend: Math.round((cpuMs / Math.max(sent, 1)) * 1000) / 1000,
    peakRssMb: Math.max(...reports.map((r) => r.peakRssMb)),
    channelPeakRssMb,
  };
}

if (require.main === module) {
  fanout()
    .then((result) => process.stdout.write(`${JSON.stringify(result, null, 2)}\n`))
    .catch((error) => {
      process.stderr.write(`${error}\n`);
      process.exit(1);
    });
}
