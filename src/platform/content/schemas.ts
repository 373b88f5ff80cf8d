import { z } from 'zod';
import type { LessonStep } from './Content';

/**
 * zod schemas for every kind of content file. A file that does not match stops start-up with a
 * ContentError naming the file, the field and the problem.
 */
export const text = z.string().trim().min(1, 'text is empty');
const phrase = z.string().trim().min(1, 'phrase is empty');
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens');

/** A messages file is a tree of keys whose leaves are texts or lists of short phrases. */
export type MessageTree = { [key: string]: string | string[] | MessageTree };
export const messageTree: z.ZodType<MessageTree> = z.lazy(() =>
  z.record(
    z.string().regex(/^[a-z][a-zA-Z0-9_]*$/, 'keys are lowerCamel or snake_case words'),
    z.union([text, z.array(phrase).min(1), messageTree]),
  ),
);

/** Front matter of content/<locale>/explainers/<id>.md; the Markdown body holds the "## " depth sections. */
export const explainerFrontMatter = z.strictObject({
  id: slug,
  /** Position in the topic menu (1 first). */
  order: z.number().int().min(1),
  title: text,
  summary: text,
  keywords: z.array(phrase).min(1, 'needs at least one keyword'),
  questions: z.array(phrase).min(1, 'needs at least one sample question'),
  related: z.array(slug).default([]),
});

export const explainerSection = z.strictObject({
  heading: text,
  text,
});

const checkInBase = { id: slug, ask: text };

const minBelowMax = (item: { min: number; max: number }) => item.min < item.max;
const minBelowMaxProblem = { message: 'min must be below max', path: ['max'] };

export const checkInItem = z.discriminatedUnion('answer', [
  z.strictObject({
    ...checkInBase,
    answer: z.literal('scale'),
    min: z.number().int().default(0),
    max: z.number().int().default(10),
    lowLabel: text,
    highLabel: text,
  }).refine(minBelowMax, minBelowMaxProblem),
  z.strictObject({ ...checkInBase, answer: z.literal('count'), min: z.number().int().min(0), max: z.number().int().min(1) }).refine(minBelowMax, minBelowMaxProblem),
  z.strictObject({ ...checkInBase, answer: z.literal('yesNo') }),
  z.strictObject({
    ...checkInBase,
    answer: z.literal('choice'),
    options: z.array(z.strictObject({ value: slug, label: text })).min(2, 'needs at least two options'),
  }),
]);

const lessonStep = z.union([text.transform((t): LessonStep => ({ text: t })), z.strictObject({ text, topic: slug.optional() })]);

/** content/<locale>/program/week-NN.yaml */
export const programWeek = z.strictObject({
  week: z.number().int().min(1),
  id: slug,
  title: text,
  lesson: z.array(lessonStep).min(2, 'a lesson needs at least two steps'),
  practice: z.strictObject({ title: text, text }),
  reflection: z.array(text).min(1, 'needs at least one reflection question'),
  checkIn: z.array(checkInItem).min(1, 'needs at least one check-in item'),
});
