import { join } from 'node:path';
import { loadContent } from '../../src/platform/content/loader';
import { ProgramService } from '../../src/features/program/ProgramService';
import { parseProgramCommand } from '../../src/features/program/commands';
import * as rules from '../../src/features/program/progress';
import { sessionPieces } from '../../src/features/program/session';
import type { ProgramProgress } from '../../src/platform/storage/repositories';
import { SqliteDataStore } from '../../src/platform/storage/sqlite/SqliteDataStore';
import { makeTempDir } from '../support/app';
import { FakeClock } from '../support/fakes';

const DAY = 24 * 60 * 60 * 1000;
const T0 = new Date('2026-12-01T15:00:00Z');
const at = (days: number) => new Date(T0.getTime() + days * DAY);
const content = loadContent('en');

describe('program rules (pure)', () => {
  const start = rules.startProgress('p', T0);
  const doneWith = (p: ProgramProgress, week: number): ProgramProgress => ({
    ...p,
    completed: [...p.completed, { week, at: T0.toISOString() }],
  });

  test.each([
    ['day 0', start, 0, 1],
    ['day 6.9', start, 6.9, 1],
    ['day 7: the next week opens', start, 7, 2],
    ['day 30: still only one week ahead', start, 30, 2],
    ['own pace, week not finished', { ...start, pace: 'own' as const }, 1, 1],
    ['own pace, week finished: opens at once', doneWith({ ...start, pace: 'own' as const }, 1), 1, 2],
    ['weekly pace, week finished: waits for the rhythm', doneWith(start, 1), 1, 1],
    ['last week open: stays at 12', { ...start, unlockedWeek: 12 }, 100, 12],
  ])('open week: %s', (_label, progress, days, expected) => {
    expect(rules.openWeek(progress, 12, at(days))).toBe(expected);
  });

  test('advancing past the last piece finishes the week once', () => {
    let p = start;
    for (let i = 0; i < 3; i++) p = rules.advance(p, 3, at(1));
    expect(p.step).toBe(3);
    expect(p.completed).toEqual([{ week: 1, at: at(1).toISOString() }]);
    expect(rules.advance(p, 3, at(2)).completed).toHaveLength(1);
  });

  test('moving to a week: earlier weeks always, a week opened by the rhythm records when it opened, closed weeks and out of range refused', () => {
    const later = { ...start, week: 3, unlockedWeek: 3, unlockedAt: at(14).toISOString() };
    expect(rules.moveToWeek(later, 1, 12, at(15))).toMatchObject({
      ok: true,
      progress: { week: 1, step: 0, unlockedWeek: 3 },
    });
    expect(rules.moveToWeek(start, 2, 12, at(3))).toEqual({ ok: false, reason: 'notOpen' });
    expect(rules.moveToWeek(start, 2, 12, at(8))).toMatchObject({
      ok: true,
      progress: { week: 2, unlockedWeek: 2, unlockedAt: at(8).toISOString() },
    });
    expect(rules.moveToWeek(start, 13, 12, at(8))).toEqual({ ok: false, reason: 'outOfRange' });
    expect(rules.moveToWeek(start, 0, 12, at(8))).toEqual({ ok: false, reason: 'outOfRange' });
  });

  test('skipping ahead opens the next week now and restarts the rhythm from it', () => {
    const skipped = rules.skipAhead(start, 12, at(2));
    expect(skipped).toMatchObject({
      ok: true,
      progress: { week: 2, step: 0, unlockedWeek: 2, unlockedAt: at(2).toISOString() },
    });
    expect(rules.skipAhead({ ...start, week: 12, unlockedWeek: 12 }, 12, at(2))).toEqual({
      ok: false,
      reason: 'outOfRange',
    });
  });

  test('days until a time: rounded up, never 0', () => {
    expect(rules.daysUntil(at(7), at(0.5))).toBe(7);
    expect(rules.daysUntil(at(7), at(6.99))).toBe(1);
    expect(rules.daysUntil(at(7), at(8))).toBe(1);
  });

  test('a week session is the lesson steps, then the practice, then the reflection questions', () => {
    const week = content.week(4);
    const pieces = sessionPieces(week);
    expect(pieces.map((p) => p.kind)).toEqual([
      ...week.lesson.map(() => 'lesson'),
      'practice',
      ...week.reflection.map(() => 'reflection'),
    ]);
  });
});

describe("program commands in a person's own words", () => {
  test.each([
    ['next', { kind: 'next' }],
    ['Keep going!', { kind: 'next' }],
    ['back', { kind: 'back' }],
    ['say that again', { kind: 'repeat' }],
    ['pause', { kind: 'pause' }],
    ['skip ahead', { kind: 'skipAhead' }],
    ['Where am I?', { kind: 'where' }],
    ['my program', { kind: 'open' }],
    ['go back to week 2', { kind: 'goToWeek', week: 2 }],
    ['Go to week three', { kind: 'goToWeek', week: 3 }],
    ['week 12', { kind: 'goToWeek', week: 12 }],
    ['week 40', { kind: 'goToWeek', week: 40 }],
  ])('%s', (text, expected) => {
    expect(parseProgramCommand(text, content)).toEqual(expected);
  });

  test('only "where am I", "my program" and week moves work outside the program; other words are not commands', () => {
    expect(parseProgramCommand('pause', content, 'global')).toBeUndefined();
    expect(parseProgramCommand('where am i', content, 'global')).toEqual({ kind: 'where' });
    expect(parseProgramCommand('take me to week 5', content, 'global')).toEqual({ kind: 'goToWeek', week: 5 });
    expect(parseProgramCommand('I paused for a week', content)).toBeUndefined();
    expect(parseProgramCommand('weekend plans', content)).toBeUndefined();
  });
});

describe('ProgramService over SQLite', () => {
  const open = (file: string) => SqliteDataStore.open(file);

  test('start, advance, pause, resume, and the same place after reopening the database file', async () => {
    const file = join(makeTempDir('program-'), 'coach.db');
    const clock = new FakeClock(T0);
    let store = open(file);
    let program = new ProgramService({ content, progress: store.programProgress, clock });
    expect(await program.status('p')).toBeUndefined();
    expect(await program.next('p')).toEqual({ ok: false, reason: 'notStarted' });
    await program.start('p');
    await program.next('p');
    await program.next('p');
    await program.back('p');
    await program.pause('p');
    expect(await program.status('p')).toMatchObject({ week: 1, step: 1, paused: true });
    await store.close();

    store = open(file);
    program = new ProgramService({ content, progress: store.programProgress, clock });
    expect(await program.status('p')).toMatchObject({
      week: 1,
      step: 1,
      paused: true,
      piece: { kind: 'lesson', index: 1 },
    });
    await program.resume('p');
    expect((await program.status('p'))?.paused).toBe(false);
    await store.close();
  });

  test('the week after a finished week: open by the rhythm, or in how many days', async () => {
    const store = open(join(makeTempDir('program-'), 'coach.db'));
    const clock = new FakeClock(T0);
    const program = new ProgramService({ content, progress: store.programProgress, clock });
    await program.start('p');
    const pieces = sessionPieces(content.week(1)).length;
    for (let i = 0; i < pieces; i++) await program.next('p');
    clock.set(at(2));
    expect(await program.status('p')).toMatchObject({
      step: pieces,
      completedWeeks: [1],
      next: { week: 2, open: false, opensInDays: 5 },
    });
    expect(await program.next('p')).toEqual({ ok: false, reason: 'notOpen', opensInDays: 5 });
    expect(await program.goToWeek('p', 4)).toEqual({ ok: false, reason: 'notOpen' });
    clock.set(at(7));
    expect((await program.status('p'))?.next).toEqual({ week: 2, open: true });
    expect(await program.next('p')).toMatchObject({
      ok: true,
      status: { week: 2, step: 0, title: content.week(2).title },
    });
    await store.close();
  });

  test("check-in items for the person's current week (for the weekly check-ins)", async () => {
    const store = open(join(makeTempDir('program-'), 'coach.db'));
    const program = new ProgramService({ content, progress: store.programProgress, clock: new FakeClock(T0) });
    expect(await program.checkInItems('p')).toBeUndefined();
    await program.start('p');
    await program.skipAhead('p');
    expect(await program.currentWeek('p')).toBe(2);
    expect(await program.checkInItems('p')).toEqual({ week: 2, items: content.week(2).checkIn });
    await store.close();
  });

  test('export and delete per person', async () => {
    const store = open(join(makeTempDir('program-'), 'coach.db'));
    const program = new ProgramService({ content, progress: store.programProgress, clock: new FakeClock(T0) });
    await program.start('a');
    await program.start('b');
    await program.setPace('a', 'own');
    expect(await store.programProgress.exportFor('a')).toEqual([
      expect.objectContaining({
        personId: 'a',
        week: 1,
        step: 0,
        pace: 'own',
        startedAt: T0.toISOString(),
        completed: [],
      }),
    ]);
    await store.programProgress.deleteFor('a');
    expect(await store.programProgress.exportFor('a')).toEqual([]);
    expect(store.db.prepare("SELECT count(*) FROM program_progress WHERE person_id = 'a'").pluck().get()).toBe(0);
    expect(await store.programProgress.get('b')).toBeDefined();
    await store.close();
  });
});
