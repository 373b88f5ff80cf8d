import fc from 'fast-check';
import { loadContent } from '../../src/platform/content/loader';
import {
  APPROACHES,
  assess,
  DOSE_UNITS,
  meaningKey,
  PRODUCTS,
  RISK_RULES_VERSION,
  RULE_IDS,
  type RiskProfile,
  SUBSTANCES,
  TIERS,
} from '../../src/features/risk';

const grams = (amount: number) => ({ kind: 'amount' as const, amount, unit: 'g' as const });

/** A leaf-only profile below every line: 5 g a day, a year of use, nothing else. */
function profile(changes: Partial<RiskProfile> = {}): RiskProfile {
  return {
    products: ['leaf'],
    startDose: grams(2),
    currentDose: grams(5),
    monthsOfUse: 12,
    otherSubstances: [],
    ...changes,
  };
}

describe('risk engine: one row per rule and boundary', () => {
  const rows: Array<
    [string, Partial<RiskProfile>, { tier: string; approach: string; handoff: boolean; rules: string[] }]
  > = [
    [
      'leaf 5 g over 12 months: gradual taper',
      {},
      { tier: 'slowEscalation', approach: 'gradualTaper', handoff: false, rules: ['slowEscalation'] },
    ],
    [
      '9.9 g stays below the hand-off line',
      { currentDose: grams(9.9) },
      { tier: 'slowEscalation', approach: 'gradualTaper', handoff: false, rules: ['slowEscalation'] },
    ],
    [
      '10 g: taper with clinical support, hand off',
      { currentDose: grams(10) },
      { tier: 'raisedDose', approach: 'taperWithClinicalSupport', handoff: true, rules: ['raisedDose'] },
    ],
    [
      '14.9 g is still the 10-15 g tier',
      { currentDose: grams(14.9) },
      { tier: 'raisedDose', approach: 'taperWithClinicalSupport', handoff: true, rules: ['raisedDose'] },
    ],
    [
      '15 g: supported taper or medicine, hand off',
      { currentDose: grams(15) },
      { tier: 'highDose', approach: 'supportedTaperOrMedicine', handoff: true, rules: ['highDose'] },
    ],
    [
      '40 g: high dose',
      { currentDose: grams(40) },
      { tier: 'highDose', approach: 'supportedTaperOrMedicine', handoff: true, rules: ['highDose'] },
    ],
    [
      '5.9 months: fast escalation, stopping or a short taper',
      { monthsOfUse: 5.9 },
      { tier: 'fastEscalation', approach: 'stopOrShortTaper', handoff: false, rules: ['fastEscalation'] },
    ],
    [
      '6 months: slow escalation, gradual taper',
      { monthsOfUse: 6 },
      { tier: 'slowEscalation', approach: 'gradualTaper', handoff: false, rules: ['slowEscalation'] },
    ],
    [
      '0 months',
      { monthsOfUse: 0 },
      { tier: 'fastEscalation', approach: 'stopOrShortTaper', handoff: false, rules: ['fastEscalation'] },
    ],
    [
      'band under 6 months',
      { monthsOfUse: undefined, durationBand: 'under6Months' },
      { tier: 'fastEscalation', approach: 'stopOrShortTaper', handoff: false, rules: ['fastEscalation'] },
    ],
    [
      'band 6 months or more',
      { monthsOfUse: undefined, durationBand: 'atLeast6Months' },
      { tier: 'slowEscalation', approach: 'gradualTaper', handoff: false, rules: ['slowEscalation'] },
    ],
    [
      'duration unknown: treated as slow (cautious)',
      { monthsOfUse: undefined },
      { tier: 'slowEscalation', approach: 'gradualTaper', handoff: false, rules: ['durationUnknown'] },
    ],
    [
      'extract at 1 g: separate category, hand off',
      { products: ['extract'], currentDose: grams(1) },
      { tier: 'extract', approach: 'extractToLeafThenTaper', handoff: true, rules: ['extract'] },
    ],
    [
      'extract in shots',
      { products: ['extract'], currentDose: { kind: 'amount', amount: 2, unit: 'shot' } },
      { tier: 'extract', approach: 'extractToLeafThenTaper', handoff: true, rules: ['extract'] },
    ],
    [
      'brand-name extract capsules, counted: the extract category, whatever the count',
      { products: ['extract'], currentDose: { kind: 'amount', amount: 6, unit: 'capsule' } },
      { tier: 'extract', approach: 'extractToLeafThenTaper', handoff: true, rules: ['extract'] },
    ],
    [
      'extract with no amount',
      { products: ['leaf', 'extract'], currentDose: undefined },
      { tier: 'extract', approach: 'extractToLeafThenTaper', handoff: true, rules: ['extract'] },
    ],
    [
      '7-OH: medical support first',
      { products: ['sevenOh'], currentDose: { kind: 'amount', amount: 1, unit: 'tablet' } },
      { tier: 'sevenOh', approach: 'medicalSupportFirst', handoff: true, rules: ['sevenOh'] },
    ],
    [
      '7-OH beats extract and dose',
      { products: ['leaf', 'extract', 'sevenOh'], currentDose: grams(20) },
      { tier: 'sevenOh', approach: 'medicalSupportFirst', handoff: true, rules: ['sevenOh', 'extract', 'highDose'] },
    ],
    [
      'extract plus 12 g',
      { products: ['leaf', 'extract'], currentDose: grams(12) },
      { tier: 'extract', approach: 'extractToLeafThenTaper', handoff: true, rules: ['extract', 'raisedDose'] },
    ],
    [
      'alcohol at a low dose: hand off',
      { otherSubstances: ['alcohol'] },
      {
        tier: 'slowEscalation',
        approach: 'taperWithClinicalSupport',
        handoff: true,
        rules: ['otherSubstances', 'slowEscalation'],
      },
    ],
    [
      'opioids',
      { otherSubstances: ['opioids'] },
      {
        tier: 'slowEscalation',
        approach: 'taperWithClinicalSupport',
        handoff: true,
        rules: ['otherSubstances', 'slowEscalation'],
      },
    ],
    [
      'benzodiazepines',
      { otherSubstances: ['benzodiazepines'], monthsOfUse: 2 },
      {
        tier: 'fastEscalation',
        approach: 'taperWithClinicalSupport',
        handoff: true,
        rules: ['otherSubstances', 'fastEscalation'],
      },
    ],
    [
      'gabapentin or pregabalin',
      { otherSubstances: ['gabapentinoids'] },
      {
        tier: 'slowEscalation',
        approach: 'taperWithClinicalSupport',
        handoff: true,
        rules: ['otherSubstances', 'slowEscalation'],
      },
    ],
    [
      'pregnancy: hand off',
      { pregnant: true },
      {
        tier: 'slowEscalation',
        approach: 'taperWithClinicalSupport',
        handoff: true,
        rules: ['pregnancy', 'slowEscalation'],
      },
    ],
    [
      'not pregnant changes nothing',
      { pregnant: false },
      { tier: 'slowEscalation', approach: 'gradualTaper', handoff: false, rules: ['slowEscalation'] },
    ],
    [
      'went back on day 3: taper with support',
      { earlierStop: { tried: true, day: 3 } },
      {
        tier: 'slowEscalation',
        approach: 'taperWithSupport',
        handoff: false,
        rules: ['earlyRelapse', 'slowEscalation'],
      },
    ],
    [
      'went back on day 7 is still early',
      { earlierStop: { tried: true, day: 7 } },
      {
        tier: 'slowEscalation',
        approach: 'taperWithSupport',
        handoff: false,
        rules: ['earlyRelapse', 'slowEscalation'],
      },
    ],
    [
      'went back on day 8 is not',
      { earlierStop: { tried: true, day: 8 } },
      { tier: 'slowEscalation', approach: 'gradualTaper', handoff: false, rules: ['slowEscalation'] },
    ],
    [
      'early relapse by button, fast escalation',
      { monthsOfUse: 3, earlierStop: { tried: true, outcome: 'wentBackEarly' } },
      {
        tier: 'fastEscalation',
        approach: 'taperWithSupport',
        handoff: false,
        rules: ['earlyRelapse', 'fastEscalation'],
      },
    ],
    [
      'a later relapse changes nothing',
      { earlierStop: { tried: true, outcome: 'wentBackLater' } },
      { tier: 'slowEscalation', approach: 'gradualTaper', handoff: false, rules: ['slowEscalation'] },
    ],
    [
      'never tried',
      { earlierStop: { tried: false } },
      { tier: 'slowEscalation', approach: 'gradualTaper', handoff: false, rules: ['slowEscalation'] },
    ],
    [
      'early relapse does not lower a high-dose approach',
      { currentDose: grams(20), earlierStop: { tried: true, day: 2 } },
      { tier: 'highDose', approach: 'supportedTaperOrMedicine', handoff: true, rules: ['highDose', 'earlyRelapse'] },
    ],
    [
      'strain rotation: a reason, no tier change',
      { rotatesStrains: true },
      { tier: 'slowEscalation', approach: 'gradualTaper', handoff: false, rules: ['slowEscalation', 'strainRotation'] },
    ],
    [
      'strain rotation at 5.9 months',
      { rotatesStrains: true, monthsOfUse: 5.9 },
      {
        tier: 'fastEscalation',
        approach: 'stopOrShortTaper',
        handoff: false,
        rules: ['fastEscalation', 'strainRotation'],
      },
    ],
    [
      'dose band 15 g or more',
      { currentDose: { kind: 'band', band: 'atLeast15' } },
      { tier: 'highDose', approach: 'supportedTaperOrMedicine', handoff: true, rules: ['highDose'] },
    ],
    [
      'dose band 10 to 15 g',
      { currentDose: { kind: 'band', band: 'from10to15' } },
      { tier: 'raisedDose', approach: 'taperWithClinicalSupport', handoff: true, rules: ['raisedDose'] },
    ],
    [
      'dose band under 10 g',
      { currentDose: { kind: 'band', band: 'under10' } },
      { tier: 'slowEscalation', approach: 'gradualTaper', handoff: false, rules: ['slowEscalation'] },
    ],
    [
      'leaf with no known amount: cautious hand off',
      { currentDose: undefined },
      { tier: 'doseUnknown', approach: 'taperWithClinicalSupport', handoff: true, rules: ['doseUnknown'] },
    ],
    [
      'leaf counted in tablets cannot be weighed',
      { currentDose: { kind: 'amount', amount: 4, unit: 'tablet' } },
      { tier: 'doseUnknown', approach: 'taperWithClinicalSupport', handoff: true, rules: ['doseUnknown'] },
    ],
    [
      'everything at once keeps every reason in order',
      {
        products: ['leaf', 'extract'],
        currentDose: grams(16),
        otherSubstances: ['alcohol', 'opioids'],
        pregnant: true,
        earlierStop: { tried: true, day: 3 },
        rotatesStrains: true,
        monthsOfUse: 3,
      },
      {
        tier: 'extract',
        approach: 'extractToLeafThenTaper',
        handoff: true,
        rules: ['extract', 'highDose', 'otherSubstances', 'pregnancy', 'earlyRelapse', 'strainRotation'],
      },
    ],
    [
      'high dose after 2 months: dose wins over the fast curve',
      { currentDose: grams(15), monthsOfUse: 2 },
      { tier: 'highDose', approach: 'supportedTaperOrMedicine', handoff: true, rules: ['highDose'] },
    ],
    [
      'under 18: an adult and a clinician first, hand off',
      { underEighteen: true },
      {
        tier: 'slowEscalation',
        approach: 'adultAndClinicianFirst',
        handoff: true,
        rules: ['youngPerson', 'slowEscalation'],
      },
    ],
    [
      'under 18 outranks every other approach',
      { underEighteen: true, products: ['sevenOh'] },
      { tier: 'sevenOh', approach: 'adultAndClinicianFirst', handoff: true, rules: ['youngPerson', 'sevenOh'] },
    ],
    [
      '18 or older changes nothing',
      { underEighteen: false },
      { tier: 'slowEscalation', approach: 'gradualTaper', handoff: false, rules: ['slowEscalation'] },
    ],
    [
      '5 doses a day: no rule yet (the result explains it)',
      { dosesPerDay: 5 },
      { tier: 'slowEscalation', approach: 'gradualTaper', handoff: false, rules: ['slowEscalation'] },
    ],
    [
      '6 doses a day: support added',
      { dosesPerDay: 6 },
      {
        tier: 'slowEscalation',
        approach: 'taperWithSupport',
        handoff: false,
        rules: ['frequentDosing', 'slowEscalation'],
      },
    ],
    [
      'every 2 hours after fast escalation: no longer "stop at once"',
      { dosesPerDay: 8, monthsOfUse: 3 },
      {
        tier: 'fastEscalation',
        approach: 'taperWithSupport',
        handoff: false,
        rules: ['frequentDosing', 'fastEscalation'],
      },
    ],
    [
      'no product named is treated like leaf',
      { products: [] },
      { tier: 'slowEscalation', approach: 'gradualTaper', handoff: false, rules: ['slowEscalation'] },
    ],
  ];

  test.each(rows)('%s', (_name, changes, expected) => {
    const result = assess(profile(changes));
    expect({
      tier: result.tier,
      approach: result.approach,
      handoff: result.handoff,
      rules: result.reasons.map((r) => r.ruleId),
    }).toEqual(expected);
    expect(result.version).toBe(RISK_RULES_VERSION);
  });

  test('reasons carry the values their sentence needs', () => {
    expect(assess(profile({ currentDose: grams(12) })).reasons[0]).toEqual({
      ruleId: 'raisedDose',
      contentKey: 'risk.reasons.raisedDose',
      vars: { low: 10, high: 15 },
    });
    expect(assess(profile({ currentDose: grams(15) })).reasons[0].vars).toEqual({ threshold: 15 });
    expect(assess(profile({ earlierStop: { tried: true, day: 3 } })).reasons[0].vars).toEqual({ day: 3 });
  });

  test('fast escalation keeps its own sentence only when its approach is the plan', () => {
    const keyOf = (p: RiskProfile) => assess(p).reasons.find((r) => r.ruleId === 'fastEscalation')?.contentKey;
    expect(keyOf(profile({ monthsOfUse: 3 }))).toBe('risk.reasons.fastEscalation');
    for (const changes of [
      { pregnant: true },
      { otherSubstances: ['benzodiazepines' as const] },
      { underEighteen: true },
      { earlierStop: { tried: true, day: 2 } },
      { dosesPerDay: 10 },
    ]) {
      expect(keyOf(profile({ monthsOfUse: 3, ...changes }))).toBe('risk.reasons.fastEscalationWithSupport');
      expect(meaningKey(assess(profile({ monthsOfUse: 3, ...changes })))).toBe(
        'risk.meaning.fastEscalationWithSupport',
      );
    }
    expect(meaningKey(assess(profile({ monthsOfUse: 3 })))).toBe('risk.meaning.fastEscalation');
  });

  test('an invalid profile gets the cautious answer, not a crash', () => {
    const result = assess({ products: ['leaf'], currentDose: grams(-3), otherSubstances: [] });
    expect(result).toMatchObject({ handoff: true, tier: 'doseUnknown', approach: 'taperWithClinicalSupport' });
  });

  test('every rule has a sentence in content, and every tier and approach has its texts', () => {
    const content = loadContent('en');
    for (const id of RULE_IDS) expect(content.has(`risk.reasons.${id}`)).toBe(true);
    expect(
      content.has('risk.reasons.fastEscalationWithSupport') && content.has('risk.meaning.fastEscalationWithSupport'),
    ).toBe(true);
    const everyReason = assess(
      profile({
        products: ['leaf', 'extract', 'sevenOh'],
        currentDose: grams(20),
        otherSubstances: ['alcohol'],
        pregnant: true,
        earlierStop: { tried: true, day: 2 },
        rotatesStrains: true,
      }),
    );
    for (const reason of everyReason.reasons) expect(() => content.text(reason.contentKey, reason.vars)).not.toThrow();
    for (const tier of TIERS) expect(content.has(`risk.meaning.${tier}`)).toBe(true);
    for (const approach of APPROACHES)
      expect(content.has(`risk.approach.${approach}`) && content.has(`risk.approachShort.${approach}`)).toBe(true);
  });
});

describe('risk engine properties', () => {
  const dose = fc.oneof(
    fc.record({
      kind: fc.constant('amount' as const),
      amount: fc.double({ min: 0, max: 1000, noNaN: true }),
      unit: fc.constantFrom(...DOSE_UNITS),
    }),
    fc.record({
      kind: fc.constant('band' as const),
      band: fc.constantFrom('under10' as const, 'from10to15' as const, 'atLeast15' as const),
    }),
  );
  const validProfile: fc.Arbitrary<RiskProfile> = fc.record(
    {
      products: fc.uniqueArray(fc.constantFrom(...PRODUCTS)),
      startDose: dose,
      currentDose: dose,
      monthsOfUse: fc.double({ min: 0, max: 1200, noNaN: true }),
      durationBand: fc.constantFrom('under6Months' as const, 'atLeast6Months' as const),
      dosesPerDay: fc.integer({ min: 0, max: 100 }),
      rotatesStrains: fc.boolean(),
      otherSubstances: fc.uniqueArray(fc.constantFrom(...SUBSTANCES)),
      pregnant: fc.boolean(),
      underEighteen: fc.boolean(),
      earlierStop: fc.record(
        {
          tried: fc.boolean(),
          outcome: fc.constantFrom(
            'wentBackEarly' as const,
            'wentBackLater' as const,
            'stillOff' as const,
            'unknown' as const,
          ),
          day: fc.integer({ min: 0, max: 1000 }),
        },
        { requiredKeys: ['tried'] },
      ),
    },
    { requiredKeys: ['products', 'otherSubstances'] },
  );

  test('never throws on any value at all, and always answers with a known tier', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const result = assess(input as RiskProfile);
        expect(TIERS).toContain(result.tier);
        expect(APPROACHES).toContain(result.approach);
      }),
    );
  });

  test('hand-off exactly when a hand-off rule gave a reason', () => {
    const handoffRules = new Set([
      'youngPerson',
      'sevenOh',
      'extract',
      'highDose',
      'raisedDose',
      'doseUnknown',
      'otherSubstances',
      'pregnancy',
    ]);
    fc.assert(
      fc.property(validProfile, (p) => {
        const result = assess(p);
        expect(result.handoff).toBe(result.reasons.some((r) => handoffRules.has(r.ruleId)));
        expect(result.reasons.length).toBeGreaterThan(0);
      }),
    );
  });

  test('adding a product, a substance or pregnancy never lowers the approach or removes a hand-off', () => {
    fc.assert(
      fc.property(
        validProfile,
        fc.constantFrom(...PRODUCTS),
        fc.constantFrom(...SUBSTANCES),
        (p, product, substance) => {
          const before = assess(p);
          const worse = [
            { ...p, products: [...new Set([...p.products, product])] },
            { ...p, otherSubstances: [...new Set([...p.otherSubstances, substance])] },
            { ...p, pregnant: true },
          ];
          for (const q of worse) {
            const after = assess(q);
            expect(APPROACHES.indexOf(after.approach)).toBeGreaterThanOrEqual(APPROACHES.indexOf(before.approach));
            if (before.handoff) expect(after.handoff).toBe(true);
          }
        },
      ),
    );
  });

  test('more grams of leaf never lowers the approach', () => {
    fc.assert(
      fc.property(
        validProfile,
        fc.double({ min: 0, max: 500, noNaN: true }),
        fc.double({ min: 0, max: 500, noNaN: true }),
        (p, a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          const lower = assess({ ...p, currentDose: grams(low) });
          const higher = assess({ ...p, currentDose: grams(high) });
          expect(APPROACHES.indexOf(higher.approach)).toBeGreaterThanOrEqual(APPROACHES.indexOf(lower.approach));
        },
      ),
    );
  });
});
