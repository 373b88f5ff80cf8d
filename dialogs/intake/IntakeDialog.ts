import type { DialogDependencies, DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { Dialog, WaterfallDialog } from '../../src/platform/bot/dialogsLibrary';
import { personIdOf } from '../../src/platform/channels/identity';
import { turnWritesOf } from '../../src/platform/bot/turnWrites';
import { normalize } from '../../src/platform/nlu/choices';
import type { QuestionId } from '../../src/features/intake/answers';
import { answeredCount, applies, nextQuestion, QUESTION_IDS } from '../../src/features/intake/answers';
import { formatAnswer } from '../../src/features/intake/format';
import { OptionPrompt } from '../shared/OptionPrompt';
import { AmountQuestionDialog } from './AmountQuestionDialog';
import { IntakeAnswerPrompt, type RawAnswer } from './IntakeAnswerPrompt';
import { ChoiceQuestionDialog } from './ChoiceQuestionDialog';
import { DurationQuestionDialog } from './DurationQuestionDialog';
import { INTAKE_CHANGE_DIALOG, INTAKE_LOOP_DIALOG, IntakeLoopDialog } from './IntakeLoopDialog';
import { INTAKE_RESULT_DIALOG, IntakeResultDialog } from './IntakeResultDialog';
import {
  amountCorrection,
  answersThisTurn,
  extract,
  type IntakeDeps,
  optionChoices,
  type QuestionOptions,
  saysLater,
  send,
  setAnswersThisTurn,
} from './support';

export const INTAKE_DIALOG = 'intake';
const REVIEW = 'intake.review';
const WHICH = 'intake.which';
const ENTRY_PROMPT = 'intake.entryPrompt';
const REPLY_PROMPT = 'intake.reply';

/**
 * The intake conversation. Asks the questions in order, saving every answer as it comes, so "later"
 * (or a restart of the server) resumes at the first unanswered question. Then a review of all answers,
 * where any one can be changed, and the result. Corrections like "actually it's 12 g" work anywhere.
 *
 * This waterfall is the entry (resume, update or start fresh); each part replaces it on the caller's
 * stack in turn (question loop, review, result), rather than all of them running inside a component,
 * so no turn of the intake pays for a nesting level. The parts come along through getDependencies.
 */
export class IntakeDialog extends WaterfallDialog implements DialogDependencies {
  private readonly parts: Dialog[];

  constructor(private readonly deps: IntakeDeps) {
    super(INTAKE_DIALOG);
    this.addStep(this.entry.bind(this));
    this.addStep(this.entryChoice.bind(this));
    this.parts = [
      new OptionPrompt(ENTRY_PROMPT, deps.services),
      new IntakeAnswerPrompt(REPLY_PROMPT, deps.services),
      new ChoiceQuestionDialog(deps),
      new AmountQuestionDialog(deps),
      new DurationQuestionDialog(deps),
      new IntakeResultDialog(deps),
      new IntakeLoopDialog(INTAKE_LOOP_DIALOG, deps, REVIEW),
      new IntakeLoopDialog(INTAKE_CHANGE_DIALOG, deps, REVIEW),
      new WaterfallDialog(REVIEW, [this.showReview.bind(this), this.reviewReply.bind(this)]),
      new WaterfallDialog(WHICH, [this.askWhich.bind(this), this.whichReply.bind(this)]),
    ];
  }

  getDependencies(): Dialog[] {
    return this.parts;
  }

  private personId(step: WaterfallStepContext): string {
    return personIdOf(step.context.activity);
  }

  private answers(step: WaterfallStepContext) {
    return answersThisTurn(this.deps, step.context);
  }

  private async entry(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content } = this.deps.services;
    const saved = await this.deps.intake.load(this.personId(step), turnWritesOf(step.context));
    if (saved?.completed && saved.completedAt) {
      const date = new Date(saved.completedAt).toLocaleDateString(content.locale, {
        month: 'long',
        day: 'numeric',
        timeZone: 'UTC',
      });
      const message = {
        text: content.text('intake.done.prompt', { date }),
        choices: optionChoices(this.deps, 'intake.done.choices', ['result', 'update', 'fresh']),
      };
      return step.prompt(ENTRY_PROMPT, OptionPrompt.options({ message, retryKey: 'intake.done.reprompt' }));
    }
    const progress = saved ? answeredCount(saved.answers) : { answered: 0, total: 0 };
    if (progress.answered > 0) {
      const message = {
        text: content.text('intake.resume.prompt', progress),
        choices: optionChoices(this.deps, 'intake.resume.choices', ['continue', 'fresh']),
      };
      return step.prompt(ENTRY_PROMPT, OptionPrompt.options({ message, retryKey: 'intake.resume.reprompt' }));
    }
    await this.introduce(step);
    return step.replaceDialog(INTAKE_LOOP_DIALOG);
  }

  private async entryChoice(step: WaterfallStepContext): Promise<DialogTurnResult> {
    switch (step.result as string) {
      case 'result':
        return step.replaceDialog(INTAKE_RESULT_DIALOG);
      case 'update':
        return step.replaceDialog(WHICH);
      case 'fresh':
        await this.deps.intake.startFresh(this.personId(step), turnWritesOf(step.context));
        setAnswersThisTurn(step.context, undefined);
        await this.introduce(step);
        return step.replaceDialog(INTAKE_LOOP_DIALOG);
      default:
        return step.replaceDialog(INTAKE_LOOP_DIALOG);
    }
  }

  private async introduce(step: WaterfallStepContext): Promise<void> {
    const { content } = this.deps.services;
    await send(
      this.deps,
      step.context,
      [
        content.text('intake.intro.start'),
        content.text('intake.intro.how'),
        content.text('intake.intro.optional'),
      ].join(' '),
    );
  }

  private async showReview(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content } = this.deps.services;
    const answers = await this.answers(step);
    const lines = QUESTION_IDS.filter((id) => answers[id] !== undefined).flatMap((id) => [
      content.text('intake.review.line', {
        label: content.text(`intake.review.labels.${id}`),
        answer: formatAnswer(content, id, answers[id]!),
      }),
      // Shots beside leaf are read back under today's amount.
      ...(id === 'currentDose' && answers.shotsPerDay !== undefined
        ? [
            content.text('intake.review.line', {
              label: content.text('intake.review.labels.shotsPerDay'),
              answer: String(answers.shotsPerDay),
            }),
          ]
        : []),
    ]);
    const retry = Boolean((step.options as { retry?: boolean } | undefined)?.retry);
    const text = retry
      ? content.text('intake.review.reprompt')
      : [content.text('intake.review.intro'), ...lines, content.text('intake.review.prompt')].join('\n');
    const message = { text, choices: optionChoices(this.deps, 'intake.review.choices', ['ok', 'change']) };
    const answerWords = [
      ...this.deps.vocabulary.yes,
      ...this.deps.vocabulary.no,
      ...content.list('intake.review.changeWords'),
      ...QUESTION_IDS.flatMap((id) => this.mentions(id)),
    ];
    return step.prompt(
      REPLY_PROMPT,
      IntakeAnswerPrompt.options({
        message,
        numbersPickChoices: true,
        answerWords,
        questionStarters: content.list('explain.questionStarters'),
      }),
    );
  }

  /** Words that name one answer in the review ("goal", "the amount now"). */
  private mentions(id: QuestionId): string[] {
    const { content } = this.deps.services;
    const key = `intake.review.mentions.${id}`;
    return content.has(key) ? content.list(key) : [];
  }

  /**
   * "the goal is wrong, I want to cut down": the answer named, and the new words after it when there are
   * any (read as that question's answer, then confirmed like any other).
   */
  private namedChange(text: string): QuestionOptions | undefined {
    const said = ` ${normalize(text)} `;
    if (!this.deps.services.content.list('intake.review.changeWords').some((w) => said.includes(` ${normalize(w)} `)))
      return undefined;
    const id = QUESTION_IDS.find((q) => this.mentions(q).some((m) => said.includes(` ${normalize(m)} `)));
    if (!id) return undefined;
    const parts = text
      .split(/[,.;:!]|\bbut\b|\bshould be\b|\bactually\b|\bit s\b|\bit's\b/i)
      .map((p) => p.trim())
      .filter(Boolean);
    const rest = parts.length > 1 ? parts[parts.length - 1] : undefined;
    return rest ? { id, presetText: rest } : { id };
  }

  private async reviewReply(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const reply = step.result as RawAnswer;
    if (saysLater(this.deps, reply.text)) return step.endDialog(await this.pause(step));
    let choice = reply.choice;
    if (!choice) {
      const correction = await amountCorrection(this.deps, reply.text);
      if (correction?.kind === 'correction')
        return step.replaceDialog(INTAKE_LOOP_DIALOG, {
          id: correction.target,
          presetText: correction.text,
        } satisfies QuestionOptions);
      const named = this.namedChange(reply.text);
      if (named) return step.replaceDialog(INTAKE_LOOP_DIALOG, named);
      const said = await extract(this.deps, 'yesNo', reply.text);
      if (said.status === 'ok') choice = said.value.answer === 'yes' ? 'ok' : 'change';
    }
    if (choice === 'change') return step.replaceDialog(WHICH);
    if (choice !== 'ok') return step.replaceDialog(REVIEW, { retry: true });

    const personId = this.personId(step);
    const answers = await this.answers(step);
    if (nextQuestion(answers)) return step.replaceDialog(INTAKE_LOOP_DIALOG);
    await this.deps.intake.complete(personId, answers, turnWritesOf(step.context));
    return step.replaceDialog(INTAKE_RESULT_DIALOG);
  }

  private async askWhich(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content } = this.deps.services;
    const answers = await this.answers(step);
    const ids = QUESTION_IDS.filter((id) => applies(id, answers));
    const retry = Boolean((step.options as { retry?: boolean } | undefined)?.retry);
    const message = {
      text: content.text(retry ? 'intake.review.whichRetry' : 'intake.review.which'),
      choices: optionChoices(this.deps, 'intake.review.labels', ids),
    };
    return step.prompt(REPLY_PROMPT, IntakeAnswerPrompt.options({ message, numbersPickChoices: true }));
  }

  private async whichReply(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const reply = step.result as RawAnswer;
    if (saysLater(this.deps, reply.text)) return step.endDialog(await this.pause(step));
    const id = QUESTION_IDS.find((q) => q === reply.choice);
    if (id) return step.replaceDialog(INTAKE_LOOP_DIALOG, { id } satisfies QuestionOptions);
    const correction = await amountCorrection(this.deps, reply.text);
    if (correction?.kind === 'correction')
      return step.replaceDialog(INTAKE_LOOP_DIALOG, {
        id: correction.target,
        presetText: correction.text,
      } satisfies QuestionOptions);
    return step.replaceDialog(WHICH, { retry: true });
  }

  private async pause(step: WaterfallStepContext): Promise<undefined> {
    await send(this.deps, step.context, this.deps.services.content.text('intake.pause.done'));
    return undefined;
  }
}
