import type { Assumption, ExtractField, Extraction } from './reader/schemas';
import { readAge } from './age';
import type { AnswerOf, QuestionId } from './answers';

/**
 * How each question is asked. Texts live in content under intake.questions.<id> (prompt, retry,
 * choices.<value>, synonyms.<value>); amount and duration questions have their own dialogs.
 */
export interface QuestionSpec<Q extends QuestionId = QuestionId> {
  id: Q;
  kind: 'choice' | 'amount' | 'duration';
  field: ExtractField;
  choices: string[];
  /** Whether typing "2" picks the second button (not for questions whose answer is a number). */
  numbersPickChoices: boolean;
  fromChoice(value: string): AnswerOf<Q> | undefined;
  fromExtraction(extraction: Extraction): AnswerOf<Q> | undefined;
  /** A reader of this question's own, tried on free text before the shared extractor (an age: "I'm 16"). */
  fromText?(text: string): AnswerOf<Q> | undefined;
}

export type Interpretation<Q extends QuestionId> = { answer: AnswerOf<Q>; assumptions: Assumption[] } | undefined;

const none = () => undefined;
const lookup =
  <T>(table: Record<string, T>) =>
  (value: string): T | undefined =>
    table[value];

/** Yes or no from free text; "not sure" is an answer too. */
const yesNoOrUnsure = (e: Extraction): 'yes' | 'no' | 'unsure' | undefined =>
  e.field !== 'yesNo' ? undefined : e.status === 'ok' ? e.value.answer : e.status === 'unknown' ? 'unsure' : undefined;

/** A yes/no question; buttons are the answers themselves. */
function yesNoQuestion<Q extends 'rotation' | 'pregnant'>(id: Q, choices: Array<AnswerOf<Q>>): QuestionSpec<Q> {
  return {
    id,
    kind: 'choice',
    field: 'yesNo',
    choices,
    numbersPickChoices: true,
    fromChoice: (value) => choices.find((c) => c === value),
    fromExtraction: (e) => yesNoOrUnsure(e) as AnswerOf<Q> | undefined,
  };
}

function spec<Q extends QuestionId>(s: QuestionSpec<Q>): QuestionSpec<Q> {
  return s;
}

export const QUESTIONS: { [Q in QuestionId]: QuestionSpec<Q> } = {
  products: spec({
    id: 'products',
    kind: 'choice',
    field: 'products',
    choices: ['leaf', 'leafAndExtract', 'extract', 'sevenOh'],
    numbersPickChoices: true,
    fromChoice: lookup<AnswerOf<'products'>>({
      leaf: ['leaf'],
      leafAndExtract: ['leaf', 'extract'],
      extract: ['extract'],
      sevenOh: ['sevenOh'],
    }),
    fromExtraction: (e) => (e.field === 'products' && e.status === 'ok' ? e.value.products : undefined),
  }),
  age: spec({
    id: 'age',
    kind: 'choice',
    field: 'yesNo',
    choices: ['under18', 'adult'],
    // A typed number is an age, not a button.
    numbersPickChoices: false,
    fromChoice: lookup<AnswerOf<'age'>>({ under18: 'under18', adult: 'adult' }),
    fromText: readAge,
    fromExtraction: (e) => {
      const said = yesNoOrUnsure(e);
      return said === 'yes' ? 'under18' : said === 'no' ? 'adult' : undefined;
    },
  }),
  startedAgo: spec({
    id: 'startedAgo',
    kind: 'duration',
    field: 'duration',
    choices: [],
    numbersPickChoices: false,
    fromChoice: none,
    fromExtraction: none,
  }),
  startDose: spec({
    id: 'startDose',
    kind: 'amount',
    field: 'amount',
    choices: [],
    numbersPickChoices: false,
    fromChoice: none,
    fromExtraction: none,
  }),
  currentDose: spec({
    id: 'currentDose',
    kind: 'amount',
    field: 'amount',
    choices: [],
    numbersPickChoices: false,
    fromChoice: none,
    fromExtraction: none,
  }),
  timesPerDay: spec({
    id: 'timesPerDay',
    kind: 'choice',
    field: 'timesPerDay',
    choices: ['once', 'twice', 'three', 'fourOrMore'],
    numbersPickChoices: true,
    fromChoice: lookup<AnswerOf<'timesPerDay'>>({
      once: { kind: 'count', times: 1 },
      twice: { kind: 'count', times: 2 },
      three: { kind: 'count', times: 3 },
      fourOrMore: { kind: 'count', times: 4 },
    }),
    fromExtraction: (e) =>
      e.field !== 'timesPerDay'
        ? undefined
        : e.status === 'ok'
          ? { kind: 'count', times: e.value.times, ...rangeOf(e.assumptions) }
          : e.status === 'unknown'
            ? { kind: 'unknown' }
            : undefined,
  }),
  rotation: yesNoQuestion('rotation', ['yes', 'no', 'unsure']),
  substances: spec({
    id: 'substances',
    kind: 'choice',
    field: 'substances',
    choices: ['none', 'opioids', 'benzodiazepines', 'alcohol', 'gabapentinoids'],
    numbersPickChoices: true,
    fromChoice: (value) =>
      value === 'none'
        ? []
        : (['opioids', 'benzodiazepines', 'alcohol', 'gabapentinoids'] as const).filter((s) => s === value),
    fromExtraction: (e) => (e.field === 'substances' && e.status === 'ok' ? e.value.substances : undefined),
  }),
  pregnant: yesNoQuestion('pregnant', ['yes', 'no']),
  earlierStop: spec({
    id: 'earlierStop',
    kind: 'choice',
    field: 'earlierStop',
    choices: ['never', 'wentBackEarly', 'wentBackLater'],
    numbersPickChoices: true,
    fromChoice: lookup<AnswerOf<'earlierStop'>>({
      never: { tried: false },
      wentBackEarly: { tried: true, outcome: 'wentBackEarly' },
      wentBackLater: { tried: true, outcome: 'wentBackLater' },
    }),
    fromExtraction: (e) =>
      e.field !== 'earlierStop'
        ? undefined
        : e.status === 'ok'
          ? e.value
          : e.status === 'unknown'
            ? 'unknown'
            : undefined,
  }),
  goal: spec({
    id: 'goal',
    kind: 'choice',
    field: 'goal',
    choices: ['stop', 'cutDown', 'unsure'],
    numbersPickChoices: true,
    fromChoice: lookup<AnswerOf<'goal'>>({ stop: 'stop', cutDown: 'cutDown', unsure: 'unsure' }),
    fromExtraction: (e) =>
      e.field !== 'goal' ? undefined : e.status === 'ok' ? e.value.goal : e.status === 'unknown' ? 'unsure' : undefined,
  }),
  zip: spec({
    id: 'zip',
    kind: 'choice',
    field: 'zip',
    choices: [],
    numbersPickChoices: false,
    fromChoice: none,
    fromExtraction: (e) => (e.field === 'zip' && e.status === 'ok' ? e.value.zip : undefined),
  }),
};

/** "3 or 4 times": the range as said, kept next to the middle the rules use, so it is read back as said. */
function rangeOf(assumptions: ReadonlyArray<{ id: string; vars?: Record<string, unknown> }>): {
  low?: number;
  high?: number;
} {
  const range = assumptions.find((a) => a.id === 'range');
  const low = Number(range?.vars?.low);
  const high = Number(range?.vars?.high);
  return range && low > 0 && high > low && high <= 48 ? { low, high } : {};
}
