import type { DialogContext, DialogReason, DialogTurnResult } from 'botbuilder-dialogs';
import { Dialog } from '../../src/platform/bot/dialogsLibrary';
import { personIdOf } from '../../src/platform/channels/identity';
import { turnWritesOf } from '../../src/platform/bot/turnWrites';
import { type IntakeAnswers, nextQuestion, parseAnswers, type QuestionId } from '../../src/features/intake/answers';
import { QUESTIONS } from '../../src/features/intake/questions';
import { PRODUCTS } from '../../src/features/risk/profile';
import { AMOUNT_QUESTION_DIALOG } from './AmountQuestionDialog';
import { CHOICE_QUESTION_DIALOG } from './ChoiceQuestionDialog';
import { DURATION_QUESTION_DIALOG } from './DurationQuestionDialog';
import {
  answersThisTurn,
  type IntakeDeps,
  type QuestionOptions,
  type QuestionOutcome,
  send,
  setAnswersThisTurn,
} from './support';

export const INTAKE_LOOP_DIALOG = 'intake.loop';
/** The id an earlier release gave to "change one answer"; a stack saved then may still hold it. */
export const INTAKE_CHANGE_DIALOG = 'intake.change';

const DIALOG_FOR_KIND = {
  choice: CHOICE_QUESTION_DIALOG,
  amount: AMOUNT_QUESTION_DIALOG,
  duration: DURATION_QUESTION_DIALOG,
} as const;

/**
 * Asks the first unanswered question, saves what it returns, and asks the next, until none is left;
 * then hands over to `reviewDialogId`. Begun with a question id, it asks that one first (changing an
 * answer, or a correction such as "actually it's 12 g"). Every answer is saved as it comes, so "later"
 * (or a restart of the server) resumes at the first unanswered question.
 *
 * A plain dialog rather than a waterfall that replaces itself after every answer: each of those
 * replacements ended and began a waterfall, on nearly every turn of the intake.
 */
export class IntakeLoopDialog extends Dialog<Partial<QuestionOptions>> {
  constructor(
    dialogId: string,
    private readonly deps: IntakeDeps,
    private readonly reviewDialogId: string,
  ) {
    super(dialogId);
  }

  override async beginDialog(dc: DialogContext, options?: Partial<QuestionOptions>): Promise<DialogTurnResult> {
    if (options?.id) return this.ask(dc, options.id, options.presetText);
    return this.askNext(dc);
  }

  /** A reply reaching the loop itself (nothing asked yet, as after a restart mid-turn) asks the next question. */
  override continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    return this.askNext(dc);
  }

  override async resumeDialog(
    dc: DialogContext,
    _reason: DialogReason,
    result?: QuestionOutcome,
  ): Promise<DialogTurnResult> {
    const { content } = this.deps.services;
    if (!result || result.kind === 'paused') {
      await send(this.deps, dc.context, content.text('intake.pause.done'));
      return dc.endDialog();
    }
    if (result.kind === 'correction') return this.ask(dc, result.target, result.text);
    const notes = await this.save(dc, result);
    if (notes.length > 0) await send(this.deps, dc.context, notes.join(' '));
    return this.askNext(dc);
  }

  private async askNext(dc: DialogContext): Promise<DialogTurnResult> {
    const next = nextQuestion(await answersThisTurn(this.deps, dc.context));
    if (!next) return dc.replaceDialog(this.reviewDialogId);
    return this.ask(dc, next);
  }

  private async ask(dc: DialogContext, id: QuestionId, presetText?: string): Promise<DialogTurnResult> {
    const answers = await answersThisTurn(this.deps, dc.context);
    const both =
      id === 'currentDose' && (answers.products ?? []).includes('leaf') && (answers.products ?? []).includes('extract');
    const options: QuestionOptions = {
      id,
      gramsPerCapsule: answers.gramsPerCapsule,
      ...(both ? { alsoExtract: true } : {}),
      ...(presetText ? { presetText } : {}),
    };
    return dc.beginDialog(DIALOG_FOR_KIND[QUESTIONS[id].kind], options);
  }

  /** Saves an answered or skipped question with what the answer revealed besides; returns anything worth saying. */
  private async save(
    dc: DialogContext,
    outcome: Extract<QuestionOutcome, { kind: 'answered' | 'skipped' }>,
  ): Promise<string[]> {
    const { content, logger } = this.deps.services;
    const personId = personIdOf(dc.context.activity);
    const answers: Record<string, unknown> = { ...(await answersThisTurn(this.deps, dc.context)) };
    const notes: string[] = [];
    if (outcome.kind === 'skipped') {
      answers[outcome.id] = 'skipped';
      notes.push(content.text('intake.skip.done'));
    } else {
      answers[outcome.id] = outcome.answer;
      const extras = outcome.extras ?? {};
      if (extras.gramsPerCapsule) answers.gramsPerCapsule = extras.gramsPerCapsule;
      if (extras.shotsPerDay !== undefined && outcome.id === 'currentDose') answers.shotsPerDay = extras.shotsPerDay;
      if (extras.timesPerDay && outcome.id === 'currentDose' && answers.timesPerDay === undefined)
        answers.timesPerDay = { kind: 'count', times: extras.timesPerDay };
      const products = (answers.products as IntakeAnswers['products']) ?? [];
      const added = (extras.adds ?? []).filter((p) => !products.includes(p));
      if (added.length > 0) {
        answers.products = PRODUCTS.filter((p) => products.includes(p) || added.includes(p));
        for (const product of added)
          if (content.has(`intake.notedProducts.${product}`))
            notes.push(content.text(`intake.notedProducts.${product}`));
      }
    }
    await this.deps.intake.save(personId, answers, turnWritesOf(dc.context));
    // What a load would now return (parsing drops anything invalid, exactly as reading it back would).
    setAnswersThisTurn(dc.context, parseAnswers(answers));
    // No person id: a log line outlives "delete my data", and the id would tie it to the person.
    logger.info({ question: outcome.id, outcome: outcome.kind }, 'intake answer saved');
    return notes;
  }
}
