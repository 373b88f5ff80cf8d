import { z } from 'zod';
import { assumptionSchema } from './reader/schemas';
import {
  DOSE_BANDS,
  DOSE_UNITS,
  DURATION_BANDS,
  earlierStopSchema,
  PRODUCTS,
  type RiskProfile,
  SUBSTANCES,
} from '../risk/profile';

/** The intake's questions in the order they are asked. */
export const QUESTION_IDS = [
  'products',
  'age',
  'startedAgo',
  'startDose',
  'currentDose',
  'timesPerDay',
  'rotation',
  'substances',
  'pregnant',
  'earlierStop',
  'goal',
  'zip',
] as const;
export type QuestionId = (typeof QUESTION_IDS)[number];

export const doseAnswerSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('amount'),
    amount: z.number().finite().min(0).max(1000),
    unit: z.enum(DOSE_UNITS),
    assumptions: z.array(assumptionSchema).default([]),
  }),
  z.object({ kind: z.literal('band'), band: z.enum(DOSE_BANDS) }),
  z.object({ kind: z.literal('unknown') }),
]);
export type DoseAnswer = z.infer<typeof doseAnswerSchema>;

export const durationAnswerSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('months'),
    months: z.number().finite().min(0).max(1200),
    assumptions: z.array(assumptionSchema).default([]),
  }),
  z.object({ kind: z.literal('band'), band: z.enum(DURATION_BANDS) }),
  z.object({ kind: z.literal('unknown') }),
]);
export type DurationAnswer = z.infer<typeof durationAnswerSchema>;

/** One schema per answer: every answer is validated before it is saved, and again when read back. */
export const answerSchemas = {
  products: z.array(z.enum(PRODUCTS)).min(1),
  age: z.enum(['under18', 'adult', 'skipped']),
  startedAgo: durationAnswerSchema,
  startDose: doseAnswerSchema,
  currentDose: doseAnswerSchema,
  timesPerDay: z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('count'),
      times: z.number().positive().max(48),
      low: z.number().positive().max(48).optional(),
      high: z.number().positive().max(48).optional(),
    }),
    z.object({ kind: z.literal('unknown') }),
  ]),
  rotation: z.enum(['yes', 'no', 'unsure']),
  substances: z.array(z.enum(SUBSTANCES)),
  pregnant: z.enum(['yes', 'no', 'unsure', 'skipped']),
  earlierStop: z.union([earlierStopSchema, z.literal('unknown')]),
  goal: z.enum(['stop', 'cutDown', 'unsure']),
  zip: z.union([z.string().regex(/^\d{5}$/), z.literal('skipped')]),
} satisfies Record<QuestionId, z.ZodType>;

export type AnswerOf<Q extends QuestionId> = z.infer<(typeof answerSchemas)[Q]>;
export type IntakeAnswers = { [Q in QuestionId]?: AnswerOf<Q> } & {
  /** Grams per capsule once the person told us, so the next capsule answer needs no second question. */
  gramsPerCapsule?: number;
  /** Extract shots a day on top of the leaf amount, when they use both. */
  shotsPerDay?: number;
};

const gramsPerCapsuleSchema = z.number().positive().max(2);
const shotsPerDaySchema = z.number().int().min(0).max(48);

/**
 * Answers already parsed, by their JSON: a turn that saves an answer parses what it saved, and the next
 * turn reads the same JSON back. Results are frozen, so sharing them is safe; callers copy to change.
 */
const parsedAnswers = new Map<string, Readonly<IntakeAnswers>>();
const PARSED_ANSWERS_KEPT = 512;

/** Reads saved answers back, keeping each valid answer and dropping any that no longer validate. */
export function parseAnswers(raw: Record<string, unknown>): IntakeAnswers {
  const json = JSON.stringify(raw);
  const known = parsedAnswers.get(json);
  if (known) return known;
  const parsed = deepFreeze(validAnswers(raw));
  if (parsedAnswers.size >= PARSED_ANSWERS_KEPT) parsedAnswers.delete(parsedAnswers.keys().next().value!);
  parsedAnswers.set(json, parsed);
  return parsed;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function validAnswers(raw: Record<string, unknown>): IntakeAnswers {
  const answers: Record<string, unknown> = {};
  for (const id of QUESTION_IDS) {
    if (!(id in raw)) continue;
    const parsed = answerSchemas[id].safeParse(raw[id]);
    if (parsed.success) answers[id] = parsed.data;
  }
  const capsule = gramsPerCapsuleSchema.safeParse(raw.gramsPerCapsule);
  if (capsule.success) answers.gramsPerCapsule = capsule.data;
  const shots = shotsPerDaySchema.safeParse(raw.shotsPerDay);
  if (shots.success) answers.shotsPerDay = shots.data;
  return answers;
}

export function applies(id: QuestionId, answers: IntakeAnswers): boolean {
  if (id === 'rotation') return (answers.products ?? ['leaf']).includes('leaf');
  return true;
}

export const OPTIONAL_QUESTIONS: ReadonlySet<QuestionId> = new Set(['age', 'pregnant', 'zip']);

export function nextQuestion(answers: IntakeAnswers): QuestionId | undefined {
  return QUESTION_IDS.find((id) => applies(id, answers) && answers[id] === undefined);
}

export function answeredCount(answers: IntakeAnswers): { answered: number; total: number } {
  const asked = QUESTION_IDS.filter((id) => applies(id, answers));
  return { answered: asked.filter((id) => answers[id] !== undefined).length, total: asked.length };
}

/** The normalized profile the risk engine reads. Unknown and skipped answers are left out. */
export function toRiskProfile(answers: IntakeAnswers): RiskProfile {
  const dose = (answer: DoseAnswer | undefined): RiskProfile['currentDose'] => {
    if (answer?.kind === 'amount') return { kind: 'amount', amount: answer.amount, unit: answer.unit };
    if (answer?.kind === 'band') return { kind: 'band', band: answer.band };
    return undefined;
  };
  const started = answers.startedAgo;
  const profile: RiskProfile = {
    products: answers.products ?? [],
    startDose: dose(answers.startDose),
    currentDose: dose(answers.currentDose),
    monthsOfUse: started?.kind === 'months' ? started.months : undefined,
    durationBand: started?.kind === 'band' ? started.band : undefined,
    dosesPerDay: answers.timesPerDay?.kind === 'count' ? answers.timesPerDay.times : undefined,
    rotatesStrains: answers.rotation === 'yes' ? true : answers.rotation === 'no' ? false : undefined,
    otherSubstances: answers.substances ?? [],
    pregnant: answers.pregnant === 'yes' ? true : answers.pregnant === 'no' ? false : undefined,
    earlierStop: answers.earlierStop === 'unknown' ? undefined : answers.earlierStop,
    underEighteen: answers.age === 'under18' ? true : answers.age === 'adult' ? false : undefined,
  };
  return Object.fromEntries(Object.entries(profile).filter(([, v]) => v !== undefined)) as RiskProfile;
}
