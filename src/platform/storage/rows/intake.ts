import type { IntakeAnswersRecord, StoredAssessment } from '../repositories';

export interface AnswersRow {
  person_id: string;
  answers: string;
  started_at: string;
  updated_at: string;
  completed_at: string | null;
}

export interface AssessmentRow {
  id: number;
  person_id: string;
  rules_version: string;
  trigger: string;
  profile: string;
  result: string;
  assessed_at: string;
}

export function parseObject(json: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export const toRecord = (row: AnswersRow): IntakeAnswersRecord => ({
  personId: row.person_id,
  answers: parseObject(row.answers),
  startedAt: row.started_at,
  updatedAt: row.updated_at,
  ...(row.completed_at ? { completedAt: row.completed_at } : {}),
});

export const toAssessment = (row: AssessmentRow): StoredAssessment => ({
  id: row.id,
  personId: row.person_id,
  rulesVersion: row.rules_version,
  trigger: row.trigger,
  profile: JSON.parse(row.profile) as StoredAssessment['profile'],
  assessment: JSON.parse(row.result) as StoredAssessment['assessment'],
  assessedAt: row.assessed_at,
});
