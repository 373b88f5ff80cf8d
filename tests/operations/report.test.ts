import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { intakeScript, texts } from '../../bench/script';
import { purgeInactive } from '../../src/features/privacy/personalData';
import { buildProgramReport, formatReportTable } from '../../src/features/program/programReport';
import type { ReportRows } from '../../src/platform/storage/operations';
import { SqliteDataStore } from '../../src/platform/storage/sqlite/SqliteDataStore';
import { PostgresDataStore } from '../../src/platform/storage/postgres/PostgresDataStore';
import { grantConsent, say, withTestApp } from '../support/app';
import { describePostgres, freshPostgresUrl, TEST_DATABASE_URL } from '../support/postgres';

jest.setTimeout(180_000);

const ROOT = join(__dirname, '..', '..');

function runReport(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--disable-warning=DEP0111', '--import', 'tsx', join(ROOT, 'src/cli/report.ts'), ...args],
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

describe('npm run report', () => {
  test('after a short real session it shows the session in aggregate, and none of its ids or words', async () => {
    await withTestApp({}, async (t) => {
      const script = texts(intakeScript(t.app.services.content, { askConsent: true }));
      const people = Array.from({ length: 6 }, (_, i) => `reportperson${i}x`);
      for (const person of people) {
        for (const text of script)
          await say(t.baseUrl, text, { conversationId: `${person}-conversation`, userId: person });
      }
      // Someone else (who agreed to keep data) only says hello, then writes something that gets a crisis reply.
      const visitor = { conversationId: 'reportvisitor-conversation', userId: 'reportvisitor' };
      await grantConsent(t, 'test:reportvisitor');
      await say(t.baseUrl, 'hello', visitor);
      await say(t.baseUrl, 'I want to kill myself', visitor);

      const env = { DATABASE_URL: `sqlite:${t.dbFile}` };
      const json = await runReport(['--json', '--at', '2026-12-02T00:00:00Z'], env);
      expect(json.stderr).toBe('');
      expect(json.code).toBe(0);
      const report = JSON.parse(json.stdout);
      expect(report.activeThisWeek).toBe(7);
      expect(report.intakesCompleted.total).toBe(6);
      // Everyone took the same path through the script: one approach and tier, 6 people.
      expect(report.intakesCompleted.byApproachAndTier).toHaveLength(1);
      expect(report.intakesCompleted.byApproachAndTier[0].people).toBe(6);
      expect(report.crisisReplies).toEqual([{ kind: 'suicide', replies: '<5' }]);
      expect(report.purgedByRetention).toBe(0);
      // A week later nobody has been active.
      expect(JSON.parse((await runReport(['--json', '--at', '2026-12-09T00:00:00Z'], env)).stdout).activeThisWeek).toBe(
        0,
      );

      const table = await runReport(['--at', '2026-12-02T00:00:00Z'], env);
      expect(table.code).toBe(0);
      expect(table.stdout).toMatch(/People active in the last 7 days\s+7/);
      expect(table.stdout).toMatch(/Intakes completed\s+6/);
      expect(table.stdout).toMatch(/suicide\s+<5/);

      for (const output of [json.stdout, table.stdout]) {
        expect(output).not.toMatch(/reportperson|reportvisitor|conversation|test:/);
        for (const text of [...script, 'hello', 'I want to kill myself'])
          if (text.length > 3) expect(output).not.toContain(text);
        // The only date is the day the report is for: no visit, answer or birth date.
        expect(output.match(/\d{4}-\d{2}-\d{2}/g)).toEqual(['2026-12-02']);
        expect(output).not.toMatch(/\d{1,2}:\d{2}/);
      }
    });
  });
});

describe('program report figures', () => {
  const rows = (over: Partial<ReportRows> = {}): ReportRows => ({
    lastSeen: [],
    completedIntakes: [],
    intakeHandoffs: 0,
    checkInHandoffs: 0,
    crisisKinds: [],
    sentPromptWeeks: [],
    answeredWeeks: [],
    completedProgramWeeks: [],
    enrollmentStatuses: [],
    programPaused: 0,
    counters: {},
    ...over,
  });
  const now = new Date('2027-03-01T12:00:00Z');

  test('counts 1 to 4 show as <5, 0 and 5 or more as numbers; a rate from small counts is hidden', () => {
    const report = buildProgramReport(
      rows({
        lastSeen: ['2027-02-28T00:00:00Z', '2027-02-27T00:00:00Z', '2027-02-20T00:00:00Z'],
        sentPromptWeeks: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2],
        answeredWeeks: [1, 1, 1, 1, 1, 1, 2],
        crisisKinds: ['medical', 'suicide', 'suicide', 'suicide', 'suicide', 'suicide'],
        completedProgramWeeks: [1, 1, 1, 1, 1, 2],
        enrollmentStatuses: ['active', 'paused', 'stopped', 'stopped', 'stopped', 'stopped', 'stopped'],
        intakeHandoffs: 5,
        checkInHandoffs: 1,
        counters: { purged_by_retention: 12 },
      }),
      now,
    );
    expect(report.activeThisWeek).toBe('<5');
    expect(report.checkIns).toEqual([
      { programWeek: 1, sent: 10, answered: 6, answerRate: '60%' },
      { programWeek: 2, sent: '<5', answered: '<5', answerRate: 'hidden (<5)' },
    ]);
    expect(report.crisisReplies).toEqual([
      { kind: 'medical', replies: '<5' },
      { kind: 'suicide', replies: 5 },
    ]);
    expect(report.programWeeksCompleted).toEqual([
      { week: 1, people: 5 },
      { week: 2, people: '<5' },
    ]);
    expect([report.checkInsPaused, report.checkInsStopped, report.programPaused]).toEqual(['<5', 5, 0]);
    expect(report.handoffsShown).toMatchObject({ intake: 5, checkIn: '<5' });
    expect(report.purgedByRetention).toBe(12);
    expect(formatReportTable(report)).toMatch(/week 1\s+10 \/ 6 \/ 60%/);
  });

  test('the retention purge adds to a total that names nobody', async () => {
    const store = SqliteDataStore.open(':memory:');
    try {
      const old = new Date('2026-01-01T00:00:00Z');
      for (const id of ['a', 'b', 'c']) await store.people.seen(`test:${id}`, 'test', [], old);
      expect(await purgeInactive(store, new Date('2026-06-01T00:00:00Z'))).toBe(3);
      expect(await purgeInactive(store, new Date('2026-06-01T00:00:00Z'))).toBe(0);
      const report = buildProgramReport(await store.operations.reportRows(), now);
      expect(report.purgedByRetention).toBe('<5');
      expect((await store.operations.reportRows()).counters).toEqual({ purged_by_retention: 3 });
      expect(store.db.prepare('SELECT * FROM operations_counters').all()).toEqual([
        { name: 'purged_by_retention', value: 3 },
      ]);
    } finally {
      await store.close();
    }
  });
});

describePostgres('program report on PostgreSQL', () => {
  test('the same reads and the purge counter work there', async () => {
    const { url, dispose } = freshPostgresUrl();
    const schema = new URL(url).searchParams.get('schema')!;
    const store = await PostgresDataStore.open({ url: TEST_DATABASE_URL, schema, poolSize: 2 });
    try {
      const at = new Date('2027-02-28T00:00:00Z');
      for (const id of ['a', 'b', 'c', 'd', 'e', 'f']) await store.people.seen(`test:${id}`, 'test', [], at);
      await store.safetyEvents.record('test:a', 'medical', at);
      await store.operations.countPurged(2);
      await store.operations.countPurged(5);
      const report = buildProgramReport(await store.operations.reportRows(), new Date('2027-03-01T00:00:00Z'));
      expect(report.activeThisWeek).toBe(6);
      expect(report.crisisReplies).toEqual([{ kind: 'medical', replies: '<5' }]);
      expect(report.purgedByRetention).toBe(7);
    } finally {
      await store.close();
      await dispose();
    }
  });
});
