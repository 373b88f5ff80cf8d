// Turn throughput with two instances against one PostgreSQL, beside one instance on SQLite (same script,
// same concurrency). Needs BENCH_DATABASE_URL (or TEST_DATABASE_URL): postgres://user:pass@host:5432/db.
// Alone: `npm run bench:postgres`; `npm run bench` includes it when the variable is set.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { type LoadResult, runLoad, startProcess } from './lib';
import { BENCH_SCRIPT } from './script';

const CONCURRENCY = 16;

export interface PostgresThroughput {
  conversations: number;
  sqliteOneInstance: LoadResult;
  postgresTwoInstances: LoadResult;
}

export function postgresBenchUrl(): string | undefined {
  return process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;
}

export async function postgresThroughput(
  url: string,
  conversations = Number(process.env.BENCH_CONVERSATIONS ?? 2000),
): Promise<PostgresThroughput> {
  const sqlite = await startProcess('src/index.js', {
    DATABASE_URL: `sqlite:${join(mkdtempSync(join(tmpdir(), 'bench-')), 'coach.db')}`,
  });
  await runLoad(sqlite.port, BENCH_SCRIPT, 200, CONCURRENCY, 'warm');
  const sqliteOneInstance = await runLoad(sqlite.port, BENCH_SCRIPT, conversations, CONCURRENCY, 'sqlite');
  await sqlite.stop();

  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const env = {
    DATABASE_URL: `${url}${url.includes('?') ? '&' : '?'}schema=${schema}`,
    DIRECT_LINE_TOKEN_SECRET: randomBytes(32).toString('hex'),
  };
  const first = await startProcess('src/index.js', env);
  const second = await startProcess('src/index.js', env);
  try {
    await runLoad([first.port, second.port], BENCH_SCRIPT, 200, CONCURRENCY, 'warm');
    const postgresTwoInstances = await runLoad(
      [first.port, second.port],
      BENCH_SCRIPT,
      conversations,
      CONCURRENCY,
      'pg',
    );
    return { conversations, sqliteOneInstance, postgresTwoInstances };
  } finally {
    await Promise.all([first.stop(), second.stop()]);
    const admin = new Pool({ connectionString: url, max: 1 });
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).finally(() => admin.end());
  }
}

if (require.main === module) {
  const url = postgresBenchUrl();
  if (!url) {
    process.stdout.write('Skipped: set BENCH_DATABASE_URL=postgres://user:pass@127.0.0.1:5432/db\n');
  } else {
    postgresThroughput(url)
      .then((r) => {
        const line = (name: string, x: LoadResult) =>
          `${name.padEnd(34)} ${String(x.turnsPerSecond).padStart(6)} turns/s  p50 ${x.p50Ms} ms  p99 ${x.p99Ms} ms  errors ${x.errors}\n`;
        process.stdout.write(
          `${r.conversations} conversations of ${BENCH_SCRIPT.length} turns, concurrency ${CONCURRENCY}\n`,
        );
        process.stdout.write(line('SQLite, one instance', r.sqliteOneInstance));
        process.stdout.write(line('PostgreSQL, two instances', r.postgresTwoInstances));
      })
      .catch((error) => {
        process.stderr.write(`${error}\n`);
        process.exit(1);
      });
  }
}
