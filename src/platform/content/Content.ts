/** Read-only access to the validated content library. Every user-facing sentence comes through here. */
export interface Content {
  readonly locale: string;
  /** A text by key, with {placeholders} filled from vars; throws on an unknown key or a missing var. */
  text(key: string, vars?: Record<string, string | number>): string;
  /** A list of short strings by key (button synonyms, command phrases). */
  list(key: string): string[];
  has(key: string): boolean;
  /** Keys of the lists under a prefix, in file order (for example every phrase list of the question bank). */
  listKeys(prefix: string): string[];
  /** True when the string is exactly one of the library's own texts or list items (a button label, a command). */
  isOwnText(text: string): boolean;
  /** Every message text key and its text (explainers and program weeks have their own accessors). */
  entries(): Array<[key: string, text: string]>;
  /** The tolerance explainers, in menu order (front matter `order`). */
  explainers(): readonly ExplainerTopic[];
  /** One explainer by topic id; throws on an unknown id. */
  explainer(id: string): ExplainerTopic;
  /** The program's weeks, in order (week 1 first). */
  weeks(): readonly ProgramWeek[];
  /** One week by number; throws when there is no such week. */
  week(week: number): ProgramWeek;
}

/** Topic ids other features link to (intake results, check-ins, lesson steps). */
export const EXPLAINER_TOPIC_IDS = [
  'tolerance-basics',
  'receptors',
  'liver-enzymes',
  'sweet-spot',
  'strain-rotation',
  'extracts',
  'seven-oh',
  'trajectory',
  'withdrawal-timeline',
  'prescriber',
] as const;
export type TopicId = (typeof EXPLAINER_TOPIC_IDS)[number];

/** One "tell me more" piece of an explainer: a Markdown "## heading" and the text under it. */
export interface ExplainerSection {
  heading: string;
  text: string;
}

/** A tolerance explainer: content/<locale>/explainers/<id>.md (YAML front matter + Markdown sections). */
export interface ExplainerTopic {
  id: string;
  title: string;
  /** The short first answer, a few sentences. */
  summary: string;
  /** Words and phrases people use for this topic (search only, never shown). */
  keywords: string[];
  /** Questions this topic answers, in people's words (search only, never shown). */
  questions: string[];
  /** Topic ids worth offering next. */
  related: string[];
  /** Depth, in order, one piece per "tell me more". */
  sections: ExplainerSection[];
}

export interface LessonStep {
  text: string;
  /** An explainer that goes deeper on this step. */
  topic?: string;
}

export interface PracticeExercise {
  title: string;
  text: string;
}

interface CheckInBase {
  /** Stable id, unique across the program (for example w04-sleep-nights); check-in answers are stored by it. */
  id: string;
  ask: string;
}

/** A question the weekly check-in asks in this program week. The answer kind tells the check-in how to read it. */
export type CheckInItem =
  | (CheckInBase & { answer: 'scale'; min: number; max: number; lowLabel: string; highLabel: string })
  | (CheckInBase & { answer: 'count'; min: number; max: number })
  | (CheckInBase & { answer: 'yesNo' })
  | (CheckInBase & { answer: 'choice'; options: Array<{ value: string; label: string }> });

/** One program week: content/<locale>/program/week-NN.yaml. */
export interface ProgramWeek {
  week: number;
  id: string;
  title: string;
  /** Lesson in chat-sized steps. */
  lesson: LessonStep[];
  practice: PracticeExercise;
  reflection: string[];
  checkIn: CheckInItem[];
}

export class ContentError extends Error {
  constructor(readonly file: string, readonly field: string, problem: string) {
    super(`Content error in ${file} at ${field || '(root)'}: ${problem}`);
    this.name = 'ContentError';
  }
}

const PLACEHOLDER = /\{(\w+)\}/g;

export function fillPlaceholders(template: string, vars: Record<string, string | number> = {}, key = ''): string {
  return template.replace(PLACEHOLDER, (_match, name: string) => {
    if (!(name in vars)) throw new Error(`Content text ${key} needs a value for {${name}}`);
    return String(vars[name]);
  });
}
