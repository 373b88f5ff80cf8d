import { emptyCheckInAnswers } from '../../src/features/checkins/answers';
import { handoffNotice } from '../../src/features/checkins/handoffNotice';
import { changesPicture, profileChangesFrom } from '../../src/features/checkins/profileChanges';
import type { CheckInReview } from '../../src/features/checkins/review';
import { assess } from '../../src/features/risk/assess';
import type { ProfileChanges, RiskProfile } from '../../src/features/risk/profile';
import type { CheckInAnswers, StoredAssessment } from '../../src/platform/storage/repositories';

const skipped = emptyCheckInAnswers();
const week = (change: Partial<CheckInAnswers>): CheckInAnswers => ({ ...skipped, ...change });
const grams = (amount: number) => ({ kind: 'amount' as const, amount, unit: 'g' as const });
const leaf6: RiskProfile = {
  products: ['leaf'],
  currentDose: grams(6),
  monthsOfUse: 8,
  otherSubstances: [],
  rotatesStrains: true,
};
const extractOnly: RiskProfile = {
  products: ['extract'],
  currentDose: { kind: 'amount', amount: 2, unit: 'shot' },
  otherSubstances: [],
};
const leafAndExtract: RiskProfile = { ...leaf6, products: ['leaf', 'extract'] };

describe('what a check-in changes in the risk profile', () => {
  test.each<[string, CheckInAnswers, RiskProfile, ProfileChanges]>([
    ['everything skipped changes nothing', skipped, leaf6, {}],
    [
      'mood, sleep and the rest are not part of the profile',
      week({ cravings: 9, symptoms: 'severe', mood: 'veryLow', confidence: 2, support: 'none' }),
      leaf6,
      {},
    ],
    ['no use this week is 0 g a day', week({ daysUsed: 0, gramsPerDay: 0 }), leaf6, { currentDose: grams(0) }],
    ['no use this week is 0 g even without an amount', week({ daysUsed: 0 }), leaf6, { currentDose: grams(0) }],
    [
      'grams on a day of use become today’s amount',
      week({ daysUsed: 5, gramsPerDay: 16 }),
      leaf6,
      { currentDose: grams(16) },
    ],
    [
      'one day of use still reports the amount',
      week({ daysUsed: 1, gramsPerDay: 9.9 }),
      leaf6,
      { currentDose: grams(9.9) },
    ],
    ['days skipped, grams given', week({ gramsPerDay: 15 }), leaf6, { currentDose: grams(15) }],
    ['days given, grams skipped: no amount', week({ daysUsed: 7 }), leaf6, {}],
    [
      'the same amount is still reported (the picture test decides)',
      week({ daysUsed: 7, gramsPerDay: 6 }),
      leaf6,
      { currentDose: grams(6) },
    ],
    [
      'grams replace an amount counted in shots',
      week({ daysUsed: 7, gramsPerDay: 3, form: 'extract' }),
      extractOnly,
      { currentDose: grams(3) },
    ],
    ['leaf on a leaf profile adds nothing', week({ form: 'leaf' }), leaf6, {}],
    ['a new extract is added', week({ form: 'extract' }), leaf6, { products: ['leaf', 'extract'] }],
    ['a new 7-OH product is added', week({ form: 'sevenOh' }), leaf6, { products: ['leaf', 'sevenOh'] }],
    [
      '7-OH after extracts keeps both',
      week({ form: 'sevenOh' }),
      leafAndExtract,
      { products: ['leaf', 'extract', 'sevenOh'] },
    ],
    ['"something else" changes nothing', week({ form: 'other' }), leaf6, {}],
    [
      '"something else" with an amount changes only the amount',
      week({ daysUsed: 3, gramsPerDay: 4, form: 'other' }),
      leaf6,
      { currentDose: grams(4) },
    ],
    [
      'leaf after extract-only adds leaf and keeps the extract',
      week({ daysUsed: 7, gramsPerDay: 5, form: 'leaf' }),
      extractOnly,
      { currentDose: grams(5), products: ['extract', 'leaf'] },
    ],
    ['a week of mostly leaf never removes the extract', week({ form: 'leaf' }), leafAndExtract, {}],
    ['the extract reported again adds nothing', week({ form: 'extract' }), leafAndExtract, {}],
    [
      '0 days with a form (not asked by the dialog): 0 g, and the form still counts',
      week({ daysUsed: 0, form: 'sevenOh' }),
      leaf6,
      { currentDose: grams(0), products: ['leaf', 'sevenOh'] },
    ],
  ])('%s', (_label, answers, profile, expected) => {
    expect(profileChangesFrom(answers, profile)).toEqual(expected);
  });

  test.each<[string, RiskProfile, ProfileChanges, boolean]>([
    ['no changes', leaf6, {}, false],
    ['the same amount', leaf6, { currentDose: grams(6) }, false],
    ['a slightly different amount', leaf6, { currentDose: grams(6.5) }, true],
    [
      'the same number in another unit',
      { ...leaf6, currentDose: { kind: 'amount', amount: 6, unit: 'shot' } },
      { currentDose: grams(6) },
      true,
    ],
    [
      'an amount where there was only a range',
      { ...leaf6, currentDose: { kind: 'band', band: 'under10' } },
      { currentDose: grams(6) },
      true,
    ],
    ['an amount where there was none', { products: ['leaf'], otherSubstances: [] }, { currentDose: grams(6) }, true],
    ['the same products in another order', leafAndExtract, { products: ['extract', 'leaf'] }, false],
    ['a product more', leaf6, { products: ['leaf', 'sevenOh'] }, true],
    ['another substance', leaf6, { otherSubstances: ['alcohol'] }, true],
    ['a field left undefined', leaf6, { currentDose: undefined }, false],
  ])('changes the picture: %s', (_label, profile, changes, expected) => {
    expect(changesPicture(profile, changes)).toBe(expected);
  });

  test('an all-skipped check-in never changes the picture, whatever the profile', () => {
    for (const profile of [
      leaf6,
      extractOnly,
      leafAndExtract,
      { products: [], otherSubstances: [] } satisfies RiskProfile,
    ]) {
      expect(changesPicture(profile, profileChangesFrom(skipped, profile))).toBe(false);
    }
  });
});

describe('the hand-off after a check-in', () => {
  let nextId = 1;
  const stored = (profile: RiskProfile): StoredAssessment => ({
    id: nextId++,
    personId: 'test:p',
    trigger: 'intake',
    rulesVersion: '2026-12.1',
    profile,
    assessment: assess(profile),
    assessedAt: '2026-12-01T15:00:00.000Z',
  });
  const calm: CheckInReview = { handoff: false, reasons: [] };
  const low: CheckInReview = { handoff: false, reasons: ['veryLowMood'] };
  const severe: CheckInReview = { handoff: true, reasons: ['severeSymptoms', 'veryLowMood'] };
  const below = stored(leaf6);
  const high = stored({ ...leaf6, currentDose: grams(16) });
  const raised = stored({ ...leaf6, currentDose: grams(12) });
  const none = { card: false, reviewReasons: [], startedReasons: [], reminder: false, ended: false };

  test.each<
    [
      string,
      CheckInReview,
      StoredAssessment | undefined,
      { current: StoredAssessment; handoffStarted: boolean } | undefined,
      object,
    ]
  >([
    ['no intake, a calm week', calm, undefined, undefined, none],
    [
      'no intake, the review calls for it',
      severe,
      undefined,
      undefined,
      { ...none, card: true, reviewReasons: ['severeSymptoms'] },
    ],
    ['a very low mood alone is not a hand-off', low, below, undefined, none],
    ['below the line, unchanged', calm, below, undefined, none],
    [
      'below the line, still below after re-assessing',
      calm,
      below,
      { current: stored({ ...leaf6, currentDose: grams(8) }), handoffStarted: false },
      none,
    ],
    [
      'the new assessment starts the hand-off: its hand-off reasons only (not strain rotation)',
      calm,
      below,
      { current: high, handoffStarted: true },
      { ...none, card: true, startedReasons: [high.assessment.reasons.find((r) => r.ruleId === 'highDose')] },
    ],
    ['still handing off, unchanged: a reminder', calm, high, undefined, { ...none, card: true, reminder: true }],
    [
      'still handing off after re-assessing: a reminder',
      calm,
      high,
      { current: raised, handoffStarted: false },
      { ...none, card: true, reminder: true },
    ],
    [
      'the review and the assessment both: the review says why, no reminder',
      severe,
      high,
      undefined,
      { ...none, card: true, reviewReasons: ['severeSymptoms'] },
    ],
    [
      'the re-assessment ends the hand-off',
      calm,
      high,
      { current: below, handoffStarted: false },
      { ...none, ended: true },
    ],
    [
      'the assessment ends it but the review calls for it',
      severe,
      high,
      { current: below, handoffStarted: false },
      { ...none, card: true, reviewReasons: ['severeSymptoms'] },
    ],
  ])('%s', (_label, review, latest, reassessment, expected) => {
    expect(handoffNotice(review, latest, reassessment)).toEqual(expected);
  });
});
