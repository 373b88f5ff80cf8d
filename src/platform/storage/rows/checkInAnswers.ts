import type { CheckInAnswers, CheckInRecord } from '../repositories';

export interface AnswerRow {
  id: number;
  person_id: string;
  program_week: number;
  answered_at: string;
  days_used: number | null;
  grams_per_day: number | null;
  units_per_day: number | null;
  unit: string | null;
  form: string | null;
  cravings: number | null;
  symptoms: string | null;
  sleep: string | null;
  mood: string | null;
  confidence: number | null;
  confidence_step: string | null;
  support: string | null;
  handoff: number;
  reasons: string;
}

export const toRecord = (row: AnswerRow): CheckInRecord => ({
  id: row.id,
  personId: row.person_id,
  programWeek: row.program_week,
  answeredAt: row.answered_at,
  daysUsed: row.days_used,
  gramsPerDay: row.grams_per_day,
  unitsPerDay: row.units_per_day ?? null,
  unit: (row.unit ?? null) as CheckInRecord['unit'],
  form: row.form as CheckInRecord['form'],
  cravings: row.cravings,
  symptoms: row.symptoms as CheckInRecord['symptoms'],
  sleep: row.sleep as CheckInRecord['sleep'],
  mood: row.mood as CheckInRecord['mood'],
  confidence: row.confidence,
  confidenceStep: row.confidence_step,
  support: row.support as CheckInRecord['support'],
  handoff: row.handoff === 1,
  reasons: JSON.parse(row.reasons) as string[],
});

/** The INSERT's values in column order (person_id … reasons); both databases use it. */
export const answerValues = (
  personId: string,
  programWeek: number,
  answers: CheckInAnswers,
  review: { handoff: boolean; reasons: string[] },
  at: Date,
): unknown[] => [
  personId,
  programWeek,
  at.toISOString(),
  answers.daysUsed,
  answers.gramsPerDay,
  answers.form,
  answers.cravings,
  answers.symptoms,
  answers.sleep,
  answers.mood,
  answers.confidence,
  answers.confidenceStep,
  answers.support,
  review.handoff ? 1 : 0,
  JSON.stringify(review.reasons),
  answers.unitsPerDay,
  answers.unit,
];
