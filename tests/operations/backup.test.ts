import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { intakeScript } from '../../bench/script';
import { makeTempDir, say, startTestApp, type TestApp } from '../support/app';
import { integrityCheck } from '../support/serverProcess';

const ROOT = join(__dirname, '..', '..');

/** Runs `npm run backup`'s program (from the sources) as its own process, as an operator or cron would. */
function runBackup(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--disable-warning=DEP0111', '--import', 'tsx', join(ROOT, 'src/cli/backup.ts'), ...args],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

jest.setTimeout(90_000);

describe('npm run backup', () => {
  let live: TestApp | undefined;
  let restored: TestApp | undefined;
  afterEach(async () => {
    await live?.stop();
    await restored?.stop();
    live = restored = undefined;
  });

  test('an online copy, taken while turns are being written, restores and the conversation carries on', async () => {
    live = await startTestApp();
    const content = live.app.services.content;
    // The scripted intake (the one the benchmark and the crash tests follow): half of it before the backup.
    const script = intakeScript(content, { askConsent: true });
    const half = Math.floor(script.length / 2);
    const options = { conversationId: 'backup-conversation', userId: 'backup-person' };
    const step = async (t: TestApp, i: number) => {
      const replies = await say(t.baseUrl, script[i].text, options);
      // The last reply ends with the step's prompt (the review prompt follows the summary in one message).
      expect([i, replies.at(-1)?.endsWith(content.text(script[i].expects))]).toEqual([i, true]);
    };
    for (let i = 0; i < half; i++) await step(live, i);
    const savedBefore = Object.keys((await live.app.services.store.intake.getAnswers('test:backup-person'))!.answers);
    expect(savedBefore.length).toBeGreaterThan(0);

    // Other people keep chatting while the backup runs: the copy must still be one consistent state.
    const target = join(makeTempDir('coach-backup-'), 'steady-backup.db');
    let chatting = true;
    const others = (async () => {
      let n = 0;
      while (chatting) await say(live.baseUrl, 'hi', { conversationId: `other-${n}`, userId: `other-${n++}` });
      return n;
    })();
    const result = await runBackup([target], { DATABASE_URL: `sqlite:${live.dbFile}` });
    chatting = false;
    expect(await others).toBeGreaterThan(0);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('integrity check: ok');
    expect(integrityCheck(target)).toBe('ok');
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(existsSync(`${target}.partial`)).toBe(false);
    await live.stop();
    live = undefined;

    // Restore: the backup becomes the database file of a new server, which picks the conversation up at
    // the question it was waiting on and finishes the intake.
    const dir = makeTempDir('coach-restored-');
    copyFileSync(target, join(dir, 'coach.db'));
    restored = await startTestApp({ dir });
    expect(Object.keys((await restored.app.services.store.intake.getAnswers('test:backup-person'))!.answers)).toEqual(
      savedBefore,
    );
    for (let i = half; i < script.length; i++) await step(restored, i);
    expect((await restored.app.services.store.intake.getAnswers('test:backup-person'))?.completedAt).toBeDefined();
  });

  test('refuses to overwrite a file, names a missing database, and sends PostgreSQL users to pg_dump', async () => {
    live = await startTestApp();
    const target = join(makeTempDir('coach-backup-'), 'once.db');
    expect((await runBackup([target], { DATABASE_URL: `sqlite:${live.dbFile}` })).code).toBe(0);
    const again = await runBackup([target], { DATABASE_URL: `sqlite:${live.dbFile}` });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');

    const missing = await runBackup([join(makeTempDir(), 'x.db')], { DATABASE_URL: 'sqlite:/nonexistent/coach.db' });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('there is no database at /nonexistent/coach.db');

    const usage = await runBackup([], { DATABASE_URL: `sqlite:${live.dbFile}` });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('npm run backup -- <file>');

    const postgres = await runBackup([target], { DATABASE_URL: 'postgres://coach:coach@127.0.0.1:5432/coach' });
    expect(postgres.code).toBe(2);
    expect(postgres.stderr).toContain('pg_dump --format=custom');
  });
});
