import { DefaultCheckInReviewer, type ReviewReason } from '../../src/checkins/review';
import type { CheckInAnswers } from '../../src/storage/repositories';

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
    ['no use last week, then use', week({ gramsPerDay: 0, daysUsed: 0 }), base, false, []],
    ['first check-in, no dose rise possible', undefined, week({ gramsPerDay: 30 }), false, []],
    ['new extract', base, week({ form: 'extract' }), true, ['newExtract']],
    ['extract again', week({ form: 'extract' }), week({ form: 'extract' }), false, []],
    ['extract on the first check-in counts as new', undefined, week({ form: 'extract' }), true, ['newExtract']],
    ['new 7-OH', week({ form: 'extract' }), week({ form: 'sevenOh' }), true, ['newSevenOh']],
    ['severe symptoms', base, week({ symptoms: 'severe' }), true, ['severeSymptoms']],
    ['moderate symptoms', base, week({ symptoms: 'moderate' }), false, []],
    ['very low mood: support lines, no hand-off', base, week({ mood: 'veryLow' }), false, ['veryLowMood']],
    ['several at once', base, week({ gramsPerDay: 12, form: 'sevenOh', symptoms: 'severe' }), true, ['doseUpQuarter', 'newSevenOh', 'severeSymptoms']],
  ])('%s', (_label, previous, current, handoff, reasons) => {
    expect(reviewer.review(previous, current)).toEqual({ handoff, reasons });
  });
});
