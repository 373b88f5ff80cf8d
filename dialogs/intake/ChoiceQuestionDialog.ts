import { normalize, recognizeChoice } from '../../src/platform/nlu/choices';
import { extractWithRules } from '../../src/features/intake/reader/extractor';
import { looksLikeQuestion } from '../../src/features/explain/questions';
import type { OutboundMessage } from '../../src/platform/channels/messages';
import { OPTIONAL_QUESTIONS } from '../../src/features/intake/answers';
import type { AnswerOf } from '../../src/features/intake/answers';
import { assumptionLines, formatAnswer, num } from '../../src/features/intake/format';
import { QUESTIONS } from '../../src/features/intake/questions';
import type { RawAnswer } from './IntakeAnswerPrompt';
import { QuestionDialog, type Reading, type StageOptions } from './QuestionDialog';
import { amountCorrection, extract, type IntakeDeps, optionChoices, saysSkip } from './support';

export const CHOICE_QUESTION_DIALOG = 'intake.choiceQuestion';
const SKIP = 'skip';

/**
 * A question with buttons where free text is always accepted too: what they use, how often, other
 * substances, pregnancy, earlier attempts, goal, ZIP code. Optional questions get a Skip button.
 */
export class ChoiceQuestionDialog extends QuestionDialog {
  constructor(deps: IntakeDeps) {
    super(CHOICE_QUESTION_DIALOG, deps);
  }

  /** A reply naming one of the options ("mostly extract shots"), unless it is a question. */
  protected override looksLikeAnswer(options: StageOptions, text: string): boolean {
    if (looksLikeQuestion(text, this.content())) return false;
    if (recognizeChoice(text, this.message(options).choices ?? [], { numbers: false }) !== undefined) return true;
    // Free text the rules read as this question's answer ("powder and extract shots", "3 or 4 times") is
    // the answer, even when its words are also a bank question's words.
    const spec = QUESTIONS[options.id];
    const reading = extractWithRules(
      { field: spec.field, text, now: this.deps.services.clock.now().toISOString() },
      this.deps.vocabulary,
    );
    return spec.fromText?.(text) !== undefined || spec.fromExtraction(reading) !== undefined;
  }

  protected message(options: StageOptions): OutboundMessage & { numbersPickChoices: boolean } {
    const spec = QUESTIONS[options.id];
    const choices = optionChoices(this.deps, `intake.questions.${options.id}.choices`, spec.choices);
    if (OPTIONAL_QUESTIONS.has(options.id))
      choices.push({ value: SKIP, label: this.content().text('intake.skip.label') });
    return {
      text: this.content().text(`intake.questions.${options.id}.prompt`),
      choices,
      numbersPickChoices: spec.numbersPickChoices,
    };
  }

  protected retryKey(options: StageOptions): string {
    return `intake.questions.${options.id}.retry`;
  }

  protected async read(options: StageOptions, reply: RawAnswer): Promise<Reading> {
    const spec = QUESTIONS[options.id];
    if (reply.choice === SKIP || saysSkip(this.deps, reply.text)) {
      return OPTIONAL_QUESTIONS.has(options.id)
        ? { kind: 'outcome', outcome: { kind: 'skipped', id: options.id } }
        : { kind: 'retry', retryKey: this.retryKey(options) };
    }
    if (reply.choice) {
      const answer = spec.fromChoice(reply.choice);
      if (answer !== undefined) return { kind: 'answer', answer };
    }
    const own = spec.fromText?.(reply.text);
    if (own !== undefined) return { kind: 'answer', answer: own };
    const correction = await amountCorrection(this.deps, reply.text);
    if (correction) return { kind: 'outcome', outcome: correction };
    // Kava is a different plant: say so, and ask again rather than guess a product.
    if (
      options.id === 'products' &&
      this.deps.vocabulary.notKratom.some((p) => ` ${normalize(reply.text)} `.includes(` ${normalize(p)} `)) &&
      !/\bkratom\b/i.test(reply.text)
    ) {
      return { kind: 'retry', retryKey: 'intake.questions.products.notKratom' };
    }

    const extraction = await extract(this.deps, spec.field, reply.text);
    const answer = spec.fromExtraction(extraction);
    if (answer === undefined) {
      const hinted =
        extraction.status === 'unclear' && extraction.hint
          ? `${this.retryKey(options)}${extraction.hint[0].toUpperCase()}${extraction.hint.slice(1)}`
          : undefined;
      return { kind: 'retry', retryKey: hinted && this.content().has(hinted) ? hinted : this.retryKey(options) };
    }
    const assumptions = extraction.status === 'ok' ? extraction.assumptions : [];
    // What they use, read from their own words, is read back for a yes or no like every other answer
    // ("extract capsules" are extracts; a wrong reading is caught here, not at the review).
    if (options.id === 'products')
      return { kind: 'confirm', answer, lines: assumptionLines(this.content(), assumptions) };
    return { kind: 'answer', answer, note: this.acknowledgement(options, answer, assumptions) };
  }

  /** "So you use plain leaf and extracts. Is that right?" */
  protected override confirmText(options: StageOptions, retry: boolean): string {
    if (options.id !== 'products' || options.pending?.answer === undefined) return '';
    const products = formatAnswer(this.content(), 'products', options.pending.answer as AnswerOf<'products'>);
    return this.content().text(`intake.questions.products.${retry ? 'confirmRetry' : 'confirm'}`, { products });
  }

  /** A free-text answer is said back briefly where it helps ("Okay, about 4 times a day."). */
  private acknowledgement(
    options: StageOptions,
    answer: unknown,
    assumptions: Parameters<typeof assumptionLines>[1],
  ): string | undefined {
    const content = this.content();
    if (options.id === 'timesPerDay' && typeof answer === 'object' && answer && 'times' in answer) {
      const { times, low, high } = answer as { times: number; low?: number; high?: number };
      // A range is read back as said ("3 to 4 times"), not as the middle the rules use.
      if (low !== undefined && high !== undefined) {
        const rest = assumptionLines(
          content,
          assumptions.filter((a) => a.id !== 'range'),
        );
        return [
          ...rest,
          content.text('intake.questions.timesPerDay.ackRange', { low: num(low), high: num(high), times: num(times) }),
        ].join(' ');
      }
    }
    const lines = assumptionLines(content, assumptions);
    if (options.id === 'timesPerDay' && typeof answer === 'object' && answer && 'times' in answer) {
      lines.push(content.text('intake.questions.timesPerDay.ack', { times: num((answer as { times: number }).times) }));
    }
    if (options.id === 'substances' && Array.isArray(answer) && answer.length > 0)
      lines.push(content.text('intake.questions.substances.ack'));
    return lines.length > 0 ? lines.join(' ') : undefined;
  }
}
