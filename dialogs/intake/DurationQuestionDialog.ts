import type { OutboundMessage } from '../../src/platform/channels/messages';
import type { AnswerOf } from '../../src/features/intake/answers';
import { assumptionLines, formatDuration } from '../../src/features/intake/format';
import type { RawAnswer } from './IntakeAnswerPrompt';
import { normalize } from '../../src/platform/nlu/choices';
import { startsLikeQuestion } from '../../src/features/explain/questions';
import { QuestionDialog, type Reading, type StageOptions } from './QuestionDialog';
import { extract, type IntakeDeps, optionChoices, saysSkip } from './support';

export const DURATION_QUESTION_DIALOG = 'intake.durationQuestion';

const BAND = 'band';
const BANDS = ['under6Months', 'atLeast6Months'] as const;

/**
 * "When did you start?" Understands "since March", "a year and a half", "2019", and confirms the
 * understood time back. "Don't know" offers the one line that matters to the rules: six months.
 */
export class DurationQuestionDialog extends QuestionDialog {
  constructor(deps: IntakeDeps) {
    super(DURATION_QUESTION_DIALOG, deps);
  }

  /** A span of time ("3 years", "since 2019", "a few months"), not opening like a question. */
  protected override looksLikeAnswer(_options: StageOptions, text: string): boolean {
    if (startsLikeQuestion(text, this.content())) return false;
    const said = normalize(text);
    return /\b(?:day|week|month|year|yr|mo)s?\b|\bsince\b|\b(?:19|20)\d\d\b/.test(said);
  }

  protected message(options: StageOptions): OutboundMessage & { numbersPickChoices: boolean } {
    if (options.stage === BAND) {
      return {
        text: this.content().text('intake.questions.startedAgo.unknown'),
        choices: optionChoices(this.deps, 'intake.questions.startedAgo.choices', [...BANDS, 'unsure']),
        numbersPickChoices: false,
      };
    }
    return { text: this.content().text('intake.questions.startedAgo.prompt'), numbersPickChoices: false };
  }

  protected retryKey(options: StageOptions): string {
    return options.stage === BAND ? 'intake.questions.startedAgo.unknownRetry' : 'intake.questions.startedAgo.retry';
  }

  protected override confirmText(options: StageOptions, retry: boolean): string {
    const answer = options.pending?.answer as AnswerOf<'startedAgo'>;
    const duration = answer.kind === 'months' ? formatDuration(this.content(), answer.months) : '';
    return this.content().text(
      retry ? 'intake.questions.startedAgo.confirmRetry' : 'intake.questions.startedAgo.confirm',
      { duration },
    );
  }

  protected async read(options: StageOptions, reply: RawAnswer): Promise<Reading> {
    if (options.stage === BAND) {
      if (reply.choice === 'unsure') return { kind: 'answer', answer: { kind: 'unknown' } };
      const band = BANDS.find((b) => b === reply.choice);
      if (band) return { kind: 'answer', answer: { kind: 'band', band } };
    }
    if (saysSkip(this.deps, reply.text))
      return options.stage === BAND ? { kind: 'answer', answer: { kind: 'unknown' } } : { kind: 'stage', stage: BAND };
    const reading = await extract(this.deps, 'duration', reply.text);
    if (reading.status === 'ok') {
      return {
        kind: 'confirm',
        answer: { kind: 'months', months: reading.value.months, assumptions: reading.assumptions },
        lines: assumptionLines(this.content(), reading.assumptions),
      };
    }
    if (reading.status === 'unknown')
      return options.stage === BAND ? { kind: 'answer', answer: { kind: 'unknown' } } : { kind: 'stage', stage: BAND };
    if (reading.status === 'unclear' && reading.hint === 'unit')
      return { kind: 'retry', retryKey: 'intake.questions.startedAgo.retryUnit' };
    return { kind: 'retry', retryKey: this.retryKey(options) };
  }
}
