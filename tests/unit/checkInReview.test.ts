import { DefaultCheckInReviewer, type ReviewReason } from '../../src/features/checkins/review';
import type { RiskProfile } from '../../src/features/risk/profile';
import type { CheckInAnswers } from '../../src/platform/storage/repositories';

const base: CheckInAnswers = {
  daysUsed: 7,
  gramsPerDay: 8,
  unitsPerDay: null,
  unit: null,
  form: 'leaf',
  cravings: 5,
  symptoms: 'mild',
  sleep: 'fair',
  mood: 'okay',
  confidence: 6,
  confidenceStep: null,
  support: 'people',
};
const week = (change: Partial<CheckInAnswers>): CheckInAnswers => ({ ...base, ...change });

describe('weekly re-assessment (deterministic)', () => {
  const reviewer = new DefaultCheckInReviewer();
  test.each<[string, CheckInAnswers | undefined, CheckInAnswers, boolean, ReviewReason[]]>([
    ['no change', base, base, false, []],
    ['dose up exactly a quarter', base, week({ gramsPerDay: 10 }), true, ['doseUpQuarter']],
    ['dose up a little less than a quarter', base, week({ gramsPerDay: 9.9 }), false, []],
    ['dose down', base, week({ gramsPerDay: 4 }), false, []],
    ['dose skipped this week', base, week({ gramsPerDay: null }), false, []],
    ['dose skipped last week', week({ gramsPerDay: null }), week({ gramsPerDay: 20 }), false, []],
    [
      'no use last week, then use: a return after a week off',
      week({ gramsPerDay: 0, daysUsed: 0 }),
      base,
      true,
      ['returnAfterBreak'],
    ],
    [
      'no use last week, no use this week',
      week({ gramsPerDay: 0, daysUsed: 0 }),
      week({ gramsPerDay: 0, daysUsed: 0 }),
      false,
      [],
    ],
    [
      'no use last week, a single day this week',
      week({ gramsPerDay: 0, daysUsed: 0 }),
      week({ daysUsed: 1, gramsPerDay: 3 }),
      true,
      ['returnAfterBreak'],
    ],
    [
      'no use last week, days skipped but an amount given',
      week({ daysUsed: 0 }),
      week({ daysUsed: null, gramsPerDay: 4 }),
      true,
      ['returnAfterBreak'],
    ],
    [
      'a return with an extract shot: the stronger warning too',
      week({ daysUsed: 0 }),
      week({ form: 'extract', gramsPerDay: null, unitsPerDay: 1, unit: 'shot' }),
      true,
      ['returnAfterBreak', 'returnAfterBreakStronger', 'newExtract'],
    ],
    ['one day off last week is no break', week({ daysUsed: 6 }), base, false, []],
    [
      'dose up a quarter in shots',
      week({ form: 'extract', gramsPerDay: null, unitsPerDay: 2, unit: 'shot' }),
      week({ form: 'extract', gramsPerDay: null, unitsPerDay: 2.5, unit: 'shot' }),
      true,
      ['doseUpQuarter'],
    ],
    [
      'shots one week, tablets the next: not comparable',
      week({ gramsPerDay: null, unitsPerDay: 2, unit: 'shot' }),
      week({ gramsPerDay: null, unitsPerDay: 4, unit: 'tablet' }),
      false,
      [],
    ],
    ['first check-in, no dose rise possible', undefined, week({ gramsPerDay: 30 }), false, []],
    ['new extract', base, week({ form: 'extract' }), true, ['newExtract']],
    ['extract again', week({ form: 'extract' }), week({ form: 'extract' }), false, []],
    ['extract on the first check-in counts as new', undefined, week({ form: 'extract' }), true, ['newExtract']],
    ['new 7-OH', week({ form: 'extract' }), week({ form: 'sevenOh' }), true, ['newSevenOh']],
    ['severe symptoms', base, week({ symptoms: 'severe' }), true, ['severeSymptoms']],
    ['moderate symptoms', base, week({ symptoms: 'moderate' }), false, []],
    ['very low mood: support lines, no hand-off', base, week({ mood: 'veryLow' }), false, ['veryLowMood']],
    [
      'several at once',
      base,
      week({ gramsPerDay: 12, form: 'sevenOh', symptoms: 'severe' }),
      true,
      ['doseUpQuarter', 'newSevenOh', 'severeSymptoms'],
    ],
  ])('%s', (_label, previous, current, handoff, reasons) => {
    expect(reviewer.review(previous, current)).toEqual({ handoff, reasons });
  });

  const profile = (changes: Partial<RiskProfile> = {}): RiskProfile => ({
    products: ['leaf'],
    otherSubstances: [],
    ...changes,
  });
  test.each<[string, CheckInAnswers | undefined, RiskProfile, ReviewReason[]]>([
    ['a return on leaf alone', week({ daysUsed: 0 }), profile(), ['returnAfterBreak']],
    [
      'a return with benzos in the picture: stronger',
      week({ daysUsed: 0 }),
      profile({ otherSubstances: ['benzodiazepines'] }),
      ['returnAfterBreak', 'returnAfterBreakStronger'],
    ],
    [
      'a return for someone who used extracts: stronger',
      week({ daysUsed: 0 }),
      profile({ products: ['leaf', 'extract'] }),
      ['returnAfterBreak', 'returnAfterBreakStronger'],
    ],
    [
      'a return for someone who used 7-OH: stronger',
      week({ daysUsed: 0 }),
      profile({ products: ['sevenOh'] }),
      ['returnAfterBreak', 'returnAfterBreakStronger'],
    ],
    [
      'the first check-in after an intake that said "stopped, still off"',
      undefined,
      profile({ earlierStop: { tried: true, outcome: 'stillOff' } }),
      ['returnAfterBreak'],
    ],
    [
      'the first check-in after an intake that said "went back later"',
      undefined,
      profile({ earlierStop: { tried: true, outcome: 'wentBackLater' } }),
      [],
    ],
    ['in use both weeks, with alcohol: nothing new', base, profile({ otherSubstances: ['alcohol'] }), []],
  ])('with the risk profile: %s', (_label, previous, riskProfile, reasons) => {
    const review = reviewer.review(previous, base, { profile: riskProfile });
    expect(review.reasons).toEqual(reasons);
    expect(review.handoff).toBe(reasons.length > 0);
  });
});
