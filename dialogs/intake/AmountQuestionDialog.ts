import type { OutboundMessage } from '../../src/platform/channels/messages';
import type { DoseAnswer } from '../../src/features/intake/answers';
import { assumptionLines, formatDose } from '../../src/features/intake/format';
import type { Extraction } from '../../src/features/intake/reader/schemas';
import type { RawAnswer } from './IntakeAnswerPrompt';
import { normalize } from '../../src/platform/nlu/choices';
import { startsLikeQuestion } from '../../src/features/explain/questions';
import { looksLikeAmount, numberIsNotADose } from '../../src/features/intake/reader/answerShape';
import { QuestionDialog, type Reading, type StageOptions } from './QuestionDialog';
import { extract, type IntakeDeps, optionChoices, saysSkip } from './support';
import { saysDontKnow } from '../../src/features/intake/reader/choices';

export const AMOUNT_QUESTION_DIALOG = 'intake.amountQuestion';

const CAPSULE_SIZE = 'capsuleSize';
const BAND = 'band';
const SHOTS = 'shots';
const CAPSULE_CHOICES = { size000: '000', size00: '00', size0: '0' } as const;
const BANDS = ['under10', 'from10to15', 'atLeast15'] as const;
const MAX_GRAMS_A_DAY = 300;
const RETRY_BY_HINT: Record<string, string> = {
  scoop: 'retryScoop',
  tea: 'retryTea',
  tooLarge: 'retryTooLarge',
  unit: 'retryUnit',
};

/**
 * "About how much in a day?" for the start and for now. Understands grams, spoons, capsules (asking
 * their size when unknown), shots and ranges; says back every conversion it assumed and asks
 * "So about 15 g a day. Is that right?". "Don't know" about today's amount offers rough ranges.
 */
export class AmountQuestionDialog extends QuestionDialog {
  constructor(deps: IntakeDeps) {
    super(AMOUNT_QUESTION_DIALOG, deps);
  }

  protected message(options: StageOptions): OutboundMessage & { numbersPickChoices: boolean } {
    const content = this.content();
    if (options.stage === CAPSULE_SIZE) {
      return {
        text: content.text('intake.questions.amount.capsuleSize'),
        choices: optionChoices(this.deps, 'intake.questions.amount.capsuleChoices', [
          ...Object.keys(CAPSULE_CHOICES),
          'unsure',
        ]),
        numbersPickChoices: false,
      };
    }
    if (options.stage === SHOTS)
      return { text: content.text('intake.questions.currentDose.shots'), numbersPickChoices: false };
    if (options.stage === BAND) {
      return {
        text: content.text('intake.questions.currentDose.unknown'),
        choices: optionChoices(this.deps, 'intake.questions.currentDose.choices', [...BANDS, 'unsure']),
        numbersPickChoices: false,
      };
    }
    return { text: content.text(`intake.questions.${options.id}.prompt`), numbersPickChoices: false };
  }

  protected retryKey(options: StageOptions): string {
    if (options.stage === CAPSULE_SIZE) return 'intake.questions.amount.capsuleRetry';
    if (options.stage === BAND) return 'intake.questions.currentDose.unknownRetry';
    if (options.stage === SHOTS) return 'intake.questions.currentDose.shotsRetry';
    return 'intake.questions.amount.retry';
  }

  protected override confirmText(options: StageOptions, retry: boolean): string {
    const amount = formatDose(this.content(), options.pending?.answer as DoseAnswer);
    const shots = options.pending?.extras?.shotsPerDay;
    if (shots !== undefined && shots > 0 && !retry)
      return this.content().text('intake.questions.amount.confirmWithShots', { amount, shots });
    return this.content().text(retry ? 'intake.questions.amount.confirmRetry' : 'intake.questions.amount.confirm', {
      amount,
    });
  }

  /** A number with an amount word ("about 15 g", "3 scoops"), not opening like a question; "17 years" is not a dose. */
  protected override looksLikeAnswer(options: StageOptions, text: string): boolean {
    if (options.stage === CAPSULE_SIZE)
      return !startsLikeQuestion(text, this.content()) && /\b0{1,3}\b/.test(normalize(text));
    if (options.stage === SHOTS) return !startsLikeQuestion(text, this.content()) && shotCount(text) !== undefined;
    return looksLikeAmount(text, this.deps.vocabulary, this.content());
  }

  protected async read(options: StageOptions, reply: RawAnswer): Promise<Reading> {
    if (options.stage === CAPSULE_SIZE) return this.readCapsuleSize(options, reply);
    if (options.stage === SHOTS) return this.readShots(options, reply);
    if (options.stage === BAND) {
      if (reply.choice === 'unsure') return { kind: 'answer', answer: { kind: 'unknown' } };
      const band = BANDS.find((b) => b === reply.choice);
      if (band) return { kind: 'answer', answer: { kind: 'band', band } };
    }
    if (saysSkip(this.deps, reply.text)) return this.unknownAmount(options);
    // "I'm 17", "been using 17 years", "day 2": a number, but not an amount; never "about 17 g a day".
    if (numberIsNotADose(reply.text, this.deps.vocabulary, this.content()))
      return { kind: 'retry', retryKey: this.retryKey(options) };
    return this.fromExtraction(options, await extract(this.deps, 'amount', reply.text, options.gramsPerCapsule));
  }

  private unknownAmount(options: StageOptions): Reading {
    if (options.id === 'currentDose')
      return options.stage === BAND ? { kind: 'answer', answer: { kind: 'unknown' } } : { kind: 'stage', stage: BAND };
    return {
      kind: 'answer',
      answer: { kind: 'unknown' },
      note: this.content().text('intake.questions.startDose.unknown'),
    };
  }

  private fromExtraction(options: StageOptions, reading: Extraction<'amount'>): Reading {
    switch (reading.status) {
      case 'ok': {
        const { amount, unit, timesPerDay, adds, gramsPerCapsule } = reading.value;
        // Leaf and extracts: a grams answer is the leaf; the shots are counted apart, so ask how many.
        if (
          options.alsoExtract &&
          options.id === 'currentDose' &&
          unit !== 'shot' &&
          !(adds ?? []).includes('extract')
        ) {
          const extras = {
            ...(timesPerDay ? { timesPerDay } : {}),
            ...(gramsPerCapsule ? { gramsPerCapsule } : {}),
            adds,
          };
          return {
            kind: 'stage',
            stage: SHOTS,
            pending: {
              answer: { kind: 'amount', amount, unit, assumptions: reading.assumptions },
              extras,
              lines: assumptionLines(this.content(), reading.assumptions),
            },
          };
        }
        return {
          kind: 'confirm',
          answer: { kind: 'amount', amount, unit, assumptions: reading.assumptions },
          extras: { ...(timesPerDay ? { timesPerDay } : {}), ...(gramsPerCapsule ? { gramsPerCapsule } : {}), adds },
          lines: assumptionLines(this.content(), reading.assumptions),
        };
      }
      case 'needsCapsuleSize':
        return {
          kind: 'stage',
          stage: CAPSULE_SIZE,
          pending: {
            count: reading.count,
            extras: { ...(reading.timesPerDay ? { timesPerDay: reading.timesPerDay } : {}), adds: reading.adds },
          },
        };
      case 'unknown':
        return this.unknownAmount(options);
      case 'unclear': {
        const hinted = reading.hint && RETRY_BY_HINT[reading.hint];
        return { kind: 'retry', retryKey: hinted ? `intake.questions.amount.${hinted}` : this.retryKey(options) };
      }
    }
  }

  /** "How many extract shots a day?": a count ("2", "two", "none"); "don't know" keeps the leaf amount alone. */
  private readShots(options: StageOptions, reply: RawAnswer): Reading {
    const pending = options.pending;
    if (!pending?.answer) return { kind: 'stage', stage: 'ask', pending: undefined };
    const dontKnow = saysSkip(this.deps, reply.text) || saysDontKnow(reply.text, this.deps.vocabulary);
    const shots = dontKnow ? undefined : shotCount(reply.text);
    if (shots === undefined && !dontKnow) return { kind: 'retry', retryKey: this.retryKey(options) };
    return {
      kind: 'confirm',
      answer: pending.answer,
      extras: { ...pending.extras, ...(shots !== undefined ? { shotsPerDay: shots } : {}) },
      lines: pending.lines ?? [],
    };
  }

  private async readCapsuleSize(options: StageOptions, reply: RawAnswer): Promise<Reading> {
    const { vocabulary } = this.deps;
    let grams: number | undefined;
    if (reply.choice && reply.choice in CAPSULE_CHOICES)
      grams = vocabulary.capsuleGrams[CAPSULE_CHOICES[reply.choice as keyof typeof CAPSULE_CHOICES]];
    else if (reply.choice === 'unsure') grams = vocabulary.capsuleGrams[vocabulary.defaultCapsuleSize];
    else {
      const size = await extract(this.deps, 'capsuleSize', reply.text);
      if (size.status === 'ok') grams = size.value.gramsPerCapsule;
      else if (size.status === 'unknown') grams = vocabulary.capsuleGrams[vocabulary.defaultCapsuleSize];
    }
    if (grams === undefined) return { kind: 'retry', retryKey: this.retryKey(options) };
    const count = options.pending?.count ?? 1;
    const amount = Math.round(count * grams * 10) / 10;
    if (amount > MAX_GRAMS_A_DAY) return { kind: 'stage', stage: 'ask', pending: undefined };
    const assumptions = [{ id: 'capsule' as const, vars: { grams } }];
    return {
      kind: 'confirm',
      answer: { kind: 'amount', amount, unit: 'g', assumptions },
      extras: { ...options.pending?.extras, gramsPerCapsule: grams },
      lines: assumptionLines(this.content(), assumptions),
    };
  }
}

const COUNT_WORDS: Record<string, number> = {
  none: 0,
  zero: 0,
  no: 0,
  one: 1,
  a: 1,
  two: 2,
  couple: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
};

/** A small count of shots: "2", "two shots", "none", "about 3"; undefined when there is no count. */
function shotCount(text: string): number | undefined {
  const said = normalize(text);
  const digits = /\b(\d{1,2})\b/.exec(said);
  if (digits) return Number(digits[1]) <= 48 ? Number(digits[1]) : undefined;
  for (const word of said.split(' '))
    if (word in COUNT_WORDS && (word !== 'a' || /\ba (?:shot|bottle)\b/.test(said))) return COUNT_WORDS[word];
  return undefined;
}
