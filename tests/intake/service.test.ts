import { join } from 'node:path';
import { loadContent } from '../../src/platform/content/loader';
import { parseAnswers, toRiskProfile } from '../../src/features/intake/answers';
import { IntakeService } from '../../src/features/intake/IntakeService';
import { RISK_RULES_VERSION } from '../../src/features/risk/rules';
import { SqliteDataStore } from '../../src/platform/storage/sqlite/SqliteDataStore';
import { TurnWrites } from '../../src/platform/storage/turnWrites';
import { makeTempDir } from '../support/app';
import { FakeClock } from '../support/fakes';

const content = loadContent('en');

describe('IntakeService', () => {
  let store: SqliteDataStore;
  let clock: FakeClock;
  let service: IntakeService;
  const person = 'test:someone';
  const leafAt = (grams: number) => ({
    products: ['leaf' as const],
    startedAgo: { kind: 'months' as const, months: 5, assumptions: [] },
    currentDose: { kind: 'amount' as const, amount: grams, unit: 'g' as const, assumptions: [] },
    substances: [],
    zip: '10001',
  });

  beforeEach(() => {
    store = SqliteDataStore.open(join(makeTempDir('intake-service-'), 'coach.db'));
    clock = new FakeClock(new Date('2026-12-01T15:00:00Z'));
    service = new IntakeService(store.intake, clock, content);
  });
  afterEach(async () => store.close());

  test("with the turn's writes an answer is stored at the turn's end; a read, completing or starting fresh sees to it first", async () => {
    const turn = new TurnWrites();
    await service.save(person, { products: ['leaf'] }, turn);
    await service.save(person, { products: ['leaf'], age: 'adult' }, turn);
    expect(await store.intake.getAnswers(person)).toBeUndefined();
    // A read in the same turn stores the last answers first.
    expect((await service.load(person, turn))?.answers).toEqual({ products: ['leaf'], age: 'adult' });
    expect(turn.start()).toEqual([]);

    await service.save(person, { products: ['leaf'], age: 'skipped' }, turn);
    await Promise.all(turn.start());
    expect((await store.intake.getAnswers(person))?.answers).toEqual({ products: ['leaf'], age: 'skipped' });

    // Answers queued before completing (or starting fresh) are dropped, never written over the result.
    await service.save(person, { products: ['extract'] }, turn);
    await service.complete(person, leafAt(8), turn);
    expect(turn.start()).toEqual([]);
    expect((await service.load(person))?.completed).toBe(true);
    await service.save(person, { products: ['extract'] }, turn);
    await service.startFresh(person, turn);
    expect(turn.start()).toEqual([]);
    expect(await service.load(person)).toBeUndefined();
  });

  test('complete stores the profile and result with the rules version, and a taper sketch where allowed', async () => {
    const { stored, taper } = await service.complete(person, leafAt(8));
    expect(stored).toMatchObject({
      trigger: 'intake',
      rulesVersion: RISK_RULES_VERSION,
      assessedAt: '2026-12-01T15:00:00.000Z',
      assessment: { tier: 'fastEscalation', handoff: false },
    });
    expect(taper).toMatchObject({ framing: 'self', stepDays: 7 });
    expect((await service.load(person))?.completed).toBe(true);
  });

  test('the hand-off card is offered exactly while the latest assessment hands off, with the ZIP in the link', async () => {
    await service.complete(person, leafAt(8));
    expect(await service.handoffOffer(person)).toBeUndefined();
    await service.complete(person, leafAt(15));
    const offer = await service.handoffOffer(person);
    expect(offer?.text).toBe(content.text('resources.handoff.intro'));
    expect(offer?.card?.links[0].url).toBe('https://findtreatment.gov/locator?sAddr=10001');
    expect(await service.handoffOffer('test:nobody')).toBeUndefined();
  });

  test('reassess applies a check-in change, ages the months of use, and says when the hand-off starts', async () => {
    expect(await service.reassess(person, { products: ['leaf', 'extract'] })).toBeUndefined();
    await service.complete(person, leafAt(8));
    clock.advance(31 * 24 * 60 * 60 * 1000);
    const same = await service.reassess(person, {});
    expect(same?.current.profile.monthsOfUse).toBe(6);
    expect(same?.current.assessment.tier).toBe('slowEscalation');
    expect(same?.handoffStarted).toBe(false);

    const worse = await service.reassess(person, { products: ['leaf', 'extract'] });
    expect(worse).toMatchObject({
      handoffStarted: true,
      current: { trigger: 'checkin', assessment: { tier: 'extract', handoff: true } },
    });
    expect(await service.handoffOffer(person)).toBeDefined();

    const better = await service.reassess(person, {
      products: ['leaf'],
      currentDose: { kind: 'amount', amount: 4, unit: 'g' },
    });
    expect(better?.current.assessment.handoff).toBe(false);
    expect(await service.handoffOffer(person)).toBeUndefined();
  });

  test('saved answers that no longer validate are dropped one by one, the rest kept', () => {
    expect(
      parseAnswers({ products: ['leaf', 'weed'], goal: 'stop', zip: '123', gramsPerCapsule: 0.5, extra: 1 }),
    ).toEqual({ goal: 'stop', gramsPerCapsule: 0.5 });
  });

  test('the same saved answers parse once: the result is shared, frozen, and unaffected by later changes to the input', () => {
    const raw: Record<string, unknown> = {
      products: ['leaf'],
      currentDose: { kind: 'amount', amount: 12, unit: 'g' },
      goal: 'stop',
    };
    const first = parseAnswers(raw);
    expect(first).toEqual({
      products: ['leaf'],
      currentDose: { kind: 'amount', amount: 12, unit: 'g', assumptions: [] },
      goal: 'stop',
    });
    expect(parseAnswers(JSON.parse(JSON.stringify(raw)))).toBe(first);
    expect(Object.isFrozen(first.currentDose)).toBe(true);
    expect(() => {
      (first.products as string[]).push('extract');
    }).toThrow(TypeError);
    (raw.currentDose as { amount: number }).amount = 20;
    expect(parseAnswers(raw).currentDose).toEqual({ kind: 'amount', amount: 20, unit: 'g', assumptions: [] });
    expect(first.currentDose).toEqual({ kind: 'amount', amount: 12, unit: 'g', assumptions: [] });
  });

  test('the profile leaves out unknown and skipped answers', () => {
    expect(
      toRiskProfile({
        products: ['leaf'],
        startedAgo: { kind: 'unknown' },
        startDose: { kind: 'unknown' },
        currentDose: { kind: 'band', band: 'from10to15' },
        timesPerDay: { kind: 'unknown' },
        rotation: 'unsure',
        substances: ['alcohol'],
        pregnant: 'skipped',
        earlierStop: 'unknown',
        goal: 'unsure',
        zip: 'skipped',
      }),
    ).toEqual({ products: ['leaf'], currentDose: { kind: 'band', band: 'from10to15' }, otherSubstances: ['alcohol'] });
  });
});
