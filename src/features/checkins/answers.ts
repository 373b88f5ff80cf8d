import type { CheckInAnswers } from '../../platform/storage/repositories';

/** A check-in before any answer, or with every item skipped. */
export const emptyCheckInAnswers = (): CheckInAnswers => ({
  daysUsed: null,
  gramsPerDay: null,
  unitsPerDay: null,
  unit: null,
  form: null,
  cravings: null,
  symptoms: null,
  sleep: null,
  mood: null,
  confidence: null,
  confidenceStep: null,
  support: null,
});
