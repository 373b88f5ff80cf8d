import type { TurnContext } from 'botbuilder';
import type { DialogServices } from '../shared/services';
import type { ChoiceOption, OutboundMessage } from '../../src/platform/channels/messages';
import { personIdOf } from '../../src/platform/channels/identity';
import { turnWritesOf } from '../../src/platform/bot/turnWrites';
import type { AnswerOf, IntakeAnswers, QuestionId } from '../../src/features/intake/answers';
import type { IntakeService } from '../../src/features/intake/IntakeService';
import { matchesPhrase, normalize } from '../../src/platform/nlu/choices';
import { type IntakeExtractor, extractField } from '../../src/features/intake/reader/extractor';
import type { ExtractField, Extraction } from '../../src/features/intake/reader/schemas';
import type { Vocabulary } from '../../src/features/intake/reader/vocabulary';
import type { Product } from '../../src/features/risk/profile';

/** What the intake dialogs need, handed in by the composition root. */
export interface IntakeDeps {
  services: Pick<DialogServices, 'content' | 'renderer' | 'clock' | 'logger'>;
  extractor: IntakeExtractor;
  intake: IntakeService;
  vocabulary: Vocabulary;
  /** The explainer dialog (topic id in its options), when one is registered. */
  explainDialogId?: string;
  /** Weekly check-ins, when the app has them: the result offers to set them up to someone not enrolled. */
  checkIns?: { enrollDialogId: string; enrolled(personId: string): Promise<boolean> };
}

/** Options every question dialog takes. */
export interface QuestionOptions {
  id: QuestionId;
  gramsPerCapsule?: number;
  /** They use leaf and extracts: a grams answer for today is followed by "how many shots a day?". */
  alsoExtract?: boolean;
  /** Text to read as the answer straight away (a correction such as "actually it's 12 g"). */
  presetText?: string;
}

/** Facts an answer revealed beyond the question asked ("5 g 3 times a day", "two shots"). */
export interface AnswerExtras {
  timesPerDay?: number;
  adds?: Product[];
  gramsPerCapsule?: number;
  /** Extract shots a day on top of a leaf amount in grams. */
  shotsPerDay?: number;
}

/** How a question dialog ends; the orchestrator saves the answer and decides what comes next. */
export type QuestionOutcome =
  | { kind: 'answered'; id: QuestionId; answer: AnswerOf<QuestionId>; extras?: AnswerExtras }
  | { kind: 'skipped'; id: QuestionId }
  | { kind: 'paused' }
  | { kind: 'correction'; target: 'startDose' | 'currentDose'; text: string };

export const textOf = (context: TurnContext): string =>
  typeof context.activity.text === 'string' ? context.activity.text : '';

export function send(deps: IntakeDeps, context: TurnContext, message: OutboundMessage | string): Promise<unknown> {
  const outbound = typeof message === 'string' ? { text: message } : message;
  return context.sendActivity(deps.services.renderer.render(outbound, context.activity.channelId));
}

/** Buttons for a question: labels from `<prefix>.<value>`, extra words from `<synonymsPrefix>.<value>` when present. */
export function optionChoices(deps: IntakeDeps, prefix: string, values: string[]): ChoiceOption[] {
  const { content } = deps.services;
  return values.map((value) => {
    const synonymsKey = prefix.endsWith('.choices')
      ? `${prefix.slice(0, -'choices'.length)}synonyms.${value}`
      : undefined;
    const synonyms = synonymsKey && content.has(synonymsKey) ? content.list(synonymsKey) : undefined;
    return { value, label: content.text(`${prefix}.${value}`), ...(synonyms ? { synonyms } : {}) };
  });
}

export function saysLater(deps: IntakeDeps, text: string): boolean {
  return matchesPhrase(text, deps.services.content.list('intake.commands.later'));
}

/** A reply that starts with a yes or a no word ("yes that's right", "nope"). */
export function yesOrNo(deps: IntakeDeps, text: string): boolean {
  const said = normalize(text);
  return [...deps.vocabulary.yes, ...deps.vocabulary.no].some((word) => {
    const w = normalize(word);
    return said === w || said.startsWith(`${w} `);
  });
}

export function saysSkip(deps: IntakeDeps, text: string): boolean {
  return matchesPhrase(text, deps.services.content.list('intake.commands.skip'));
}

export function extract<F extends ExtractField>(
  deps: IntakeDeps,
  field: F,
  text: string,
  gramsPerCapsule?: number,
): Promise<Extraction<F>> {
  return extractField(deps.extractor, {
    field,
    text,
    now: deps.services.clock.now().toISOString(),
    ...(gramsPerCapsule ? { gramsPerCapsule } : {}),
  });
}

const CORRECTION_CUE =
  /^\s*(?:actually|sorry|wait|oops|oh|correction|i meant|i mean|make that|change that|no wait|hang on)\b/i;
const START_WORDS = /\b(?:start|started|starting|beginning|at first|back then|first began|began)\b/i;

/**
 * "Actually it's 12 g" in the middle of another question corrects an amount given earlier. Only an
 * amount with its unit counts, so a plain number answer ("actually 3") is never taken as a correction.
 */
export async function amountCorrection(deps: IntakeDeps, text: string): Promise<QuestionOutcome | undefined> {
  if (!CORRECTION_CUE.test(text)) return undefined;
  const reading = await extract(deps, 'amount', text);
  if (reading.status !== 'ok' || reading.assumptions.some((a) => a.id === 'assumedGrams')) return undefined;
  return { kind: 'correction', target: START_WORDS.test(text) ? 'startDose' : 'currentDose', text };
}

/** The answers as loaded or saved earlier in this turn: one turn saves an answer and then asks the next question. */
const ANSWERS_THIS_TURN = Symbol('intakeAnswersThisTurn');

export async function answersThisTurn(deps: IntakeDeps, context: TurnContext): Promise<IntakeAnswers> {
  const kept: IntakeAnswers | undefined = context.turnState.get(ANSWERS_THIS_TURN);
  if (kept) return kept;
  const answers = (await deps.intake.load(personIdOf(context.activity), turnWritesOf(context)))?.answers ?? {};
  context.turnState.set(ANSWERS_THIS_TURN, answers);
  return answers;
}

/** What a load would now return, after this turn saved or cleared the answers. */
export function setAnswersThisTurn(context: TurnContext, answers: IntakeAnswers | undefined): void {
  if (answers) context.turnState.set(ANSWERS_THIS_TURN, answers);
  else context.turnState.delete(ANSWERS_THIS_TURN);
}
