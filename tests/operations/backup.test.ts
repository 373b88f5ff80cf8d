import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { grantConsent, makeTempDir, say, startTestApp, type TestApp } from '../support/app';
import { integrityCheck } from '../support/serverProcess';

const ROOT = join(__dirname, '..', '..');

/** Runs `npm run backup`'s program (from the sources) as its own process, as an operator or cron would. */
function runBackup(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--disable-warning=DEP0111', '--import', 'tsx', join(ROOT, 'src/cli/backup.ts'), ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
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
    const c = (key: string) => content.text(key);
    const q = (id: string, value: string) => c(`intake.questions.${id}.choices.${value}`);
    const options = { conversationId: 'backup-conversation', userId: 'backup-person' };
    await grantConsent(live, 'test:backup-person');
    await say(live.baseUrl, 'hi', options);
    await say(live.baseUrl, c('menu.options.intake'), options);
    expect(await say(live.baseUrl, q('products', 'leaf'), options)).toEqual([c('intake.questions.age.prompt')]);
    expect((await say(live.baseUrl, 'skip', options)).at(-1)).toBe(c('intake.questions.startedAgo.prompt'));
    const answeredBefore = Object.keys((await live.app.services.store.intake.getAnswers('test:backup-person'))!.answers);
    expect(answeredBefore).toContain('products');

    // Other people keep chatting while the backup runs: the copy must still be one consistent state.
    const target = join(makeTempDir('coach-backup-'), 'steady-backup.db');
    let chatting = true;
    const others = (async () => {
      let n = 0;
      while (chatting) await say(live!.baseUrl, 'hi', { conversationId: `other-${n}`, userId: `other-${n++}` });
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

    // Restore: the backup becomes the database file of a new server, which picks the conversation up.
    const dir = makeTempDir('coach-restored-');
    copyFileSync(target, join(dir, 'coach.db'));
    restored = await startTestApp({ dir });
    expect(Object.keys((await restored.app.services.store.intake.getAnswers('test:backup-person'))!.answers)).toEqual(answeredBefore);
    // It is still waiting at the question it asked before the backup, and moves on from there.
    expect(await say(restored.baseUrl, 'dunno', options)).toEqual([c('intake.questions.startedAgo.unknown')]);
    expect(await say(restored.baseUrl, q('startedAgo', 'atLeast6Months'), options)).toEqual([c('intake.questions.startDose.prompt')]);
    expect(Object.keys((await restored.app.services.store.intake.getAnswers('test:backup-person'))!.answers)).toEqual([...answeredBefore, 'startedAgo']);
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
