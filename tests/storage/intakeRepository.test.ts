import { assess, RISK_RULES_VERSION } from '../../src/features/risk';
import type { DataStore } from '../../src/platform/storage/repositories';
import { describeEachDatabase } from '../support/databases';

describeEachDatabase('IntakeRepository', (open) => {
  let store: DataStore;
  let dispose: () => Promise<void>;
  let query: (sql: string) => Promise<any[]>;
  const at = (iso: string) => new Date(iso);
  const profile = {
    products: ['leaf' as const],
    currentDose: { kind: 'amount' as const, amount: 12, unit: 'g' as const },
    otherSubstances: [],
  };

  beforeEach(async () => {
    ({ store, dispose, query } = await open());
  });
  afterEach(async () => dispose());

  test('answers are saved as they go, marked complete when confirmed, and in progress again after a change', async () => {
    const repo = store.intake;
    expect(await repo.getAnswers('p1')).toBeUndefined();
    await repo.saveAnswers('p1', { products: ['leaf'] }, at('2026-12-01T10:00:00Z'), false);
    await repo.saveAnswers('p1', { products: ['leaf'], goal: 'stop' }, at('2026-12-01T10:05:00Z'), true);
    expect(await repo.getAnswers('p1')).toEqual({
      personId: 'p1',
      answers: { products: ['leaf'], goal: 'stop' },
      startedAt: '2026-12-01T10:00:00.000Z',
      updatedAt: '2026-12-01T10:05:00.000Z',
      completedAt: '2026-12-01T10:05:00.000Z',
    });
    await repo.saveAnswers('p1', { products: ['leaf'], goal: 'cutDown' }, at('2026-12-02T10:00:00Z'), false);
    expect((await repo.getAnswers('p1'))?.completedAt).toBeUndefined();
    await repo.clearAnswers('p1');
    expect(await repo.getAnswers('p1')).toBeUndefined();
  });

  test('a damaged answers row reads as no answers instead of failing', async () => {
    await store.intake.saveAnswers('p1', {}, at('2026-12-01T10:00:00Z'), false);
    await query("UPDATE intake_answers SET answers = '{not json' WHERE person_id = 'p1'");
    expect((await store.intake.getAnswers('p1'))?.answers).toEqual({});
  });

  test('assessments keep their rules version and time; the latest is the last added', async () => {
    const repo = store.intake;
    const first = await repo.addAssessment(
      'p1',
      { trigger: 'intake', profile, assessment: assess(profile) },
      at('2026-12-01T10:00:00Z'),
    );
    const changed = { ...profile, currentDose: { kind: 'amount' as const, amount: 20, unit: 'g' as const } };
    await repo.addAssessment(
      'p1',
      { trigger: 'checkin', profile: changed, assessment: assess(changed) },
      at('2026-12-08T10:00:00Z'),
    );
    const latest = await repo.latestAssessment('p1');
    expect(latest).toMatchObject({
      personId: 'p1',
      trigger: 'checkin',
      rulesVersion: RISK_RULES_VERSION,
      assessedAt: '2026-12-08T10:00:00.000Z',
      assessment: { tier: 'highDose' },
    });
    expect(latest!.id).toBeGreaterThan(first.id);
    expect(await repo.latestAssessment('nobody')).toBeUndefined();
  });

  test('export holds everything about one person; delete removes it and nobody else', async () => {
    const repo = store.intake;
    for (const person of ['p1', 'p2']) {
      await repo.saveAnswers(person, { zip: '90210' }, at('2026-12-01T10:00:00Z'), true);
      await repo.addAssessment(
        person,
        { trigger: 'intake', profile, assessment: assess(profile) },
        at('2026-12-01T10:00:00Z'),
      );
    }
    const exported = await repo.exportFor('p1');
    expect(exported.intake?.answers).toEqual({ zip: '90210' });
    expect(exported.assessments).toHaveLength(1);
    expect(exported.assessments[0].profile).toEqual(profile);
    await repo.deleteFor('p1');
    expect(await repo.exportFor('p1')).toEqual({ assessments: [] });
    expect((await repo.exportFor('p2')).assessments).toHaveLength(1);
    expect(await query("SELECT person_id FROM intake_answers WHERE person_id = 'p1'")).toEqual([]);
  });
});
