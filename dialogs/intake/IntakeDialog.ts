import { ComponentDialog, type DialogTurnResult, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { personIdOf } from '../../src/bot/identity';
import { answeredCount, applies, type IntakeAnswers, nextQuestion, parseAnswers, QUESTION_IDS } from '../../src/intake/answers';
import { formatAnswer } from '../../src/intake/format';
import { QUESTIONS } from '../../src/intake/questions';
import { PRODUCTS } from '../../src/risk/profile';
import { OptionPrompt } from '../OptionPrompt';
import { AMOUNT_QUESTION_DIALOG, AmountQuestionDialog } from './AmountQuestionDialog';
import { AnswerPrompt, type RawAnswer } from './AnswerPrompt';
import { CHOICE_QUESTION_DIALOG, ChoiceQuestionDialog } from './ChoiceQuestionDialog';
import { DURATION_QUESTION_DIALOG, DurationQuestionDialog } from './DurationQuestionDialog';
import { INTAKE_RESULT_DIALOG, IntakeResultDialog } from './IntakeResultDialog';
import { amountCorrection, extract, type IntakeDeps, optionChoices, type QuestionOptions, type QuestionOutcome, saysLater, send } from './support';

export const INTAKE_DIALOG = 'intake';
const ENTRY = 'intake.entry';
const LOOP = 'intake.loop';
const REVIEW = 'intake.review';
const WHICH = 'intake.which';
const CHANGE = 'intake.change';
const ENTRY_PROMPT = 'intake.entryPrompt';
const REPLY_PROMPT = 'intake.reply';

/** The answers as loaded or saved earlier in this turn: one turn saves an answer and then asks the next question. */
const ANSWERS_THIS_TURN = Symbol('intakeAnswersThisTurn');

const DIALOG_FOR_KIND = { choice: CHOICE_QUESTION_DIALOG, amount: AMOUNT_QUESTION_DIALOG, duration: DURATION_QUESTION_DIALOG } as const;

/**
 * The intake conversation. Asks the questions in order, saving every answer as it comes, so "later"
 * (or a restart of the server) resumes at the first unanswered question. Then a review of all answers,
 * where any one can be changed, and the result. Corrections like "actually it's 12 g" work anywhere.
 */
export class IntakeDialog extends ComponentDialog {
  constructor(private readonly deps: IntakeDeps) {
    super(INTAKE_DIALOG);
    this.addDialog(new OptionPrompt(ENTRY_PROMPT, deps.services));
    this.addDialog(new AnswerPrompt(REPLY_PROMPT, deps.services));
    this.addDialog(new ChoiceQuestionDialog(deps));
    this.addDialog(new AmountQuestionDialog(deps));
    this.addDialog(new DurationQuestionDialog(deps));
    this.addDialog(new IntakeResultDialog(deps));
    this.addDialog(new WaterfallDialog(ENTRY, [this.entry.bind(this), this.entryChoice.bind(this)]));
    this.addDialog(new WaterfallDialog(LOOP, [this.askNext.bind(this), this.saveAnswer.bind(this)]));
    this.addDialog(new WaterfallDialog(REVIEW, [this.showReview.bind(this), this.reviewReply.bind(this)]));
    this.addDialog(new WaterfallDialog(WHICH, [this.askWhich.bind(this), this.whichReply.bind(this)]));
    this.addDialog(new WaterfallDialog(CHANGE, [this.askOne.bind(this), this.saveAnswer.bind(this)]));
    this.initialDialogId = ENTRY;
  }

  private personId(step: WaterfallStepContext): string {
    return personIdOf(step.context.activity);
  }

  private async answers(step: WaterfallStepContext): Promise<IntakeAnswers> {
    const kept: IntakeAnswers | undefined = step.context.turnState.get(ANSWERS_THIS_TURN);
    if (kept) return kept;
    const answers = (await this.deps.intake.load(this.personId(step)))?.answers ?? {};
    step.context.turnState.set(ANSWERS_THIS_TURN, answers);
    return answers;
  }

  private async entry(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content } = this.deps.services;
    const saved = await this.deps.intake.load(this.personId(step));
    if (saved?.completed && saved.completedAt) {
      const date = new Date(saved.completedAt).toLocaleDateString(content.locale, { month: 'long', day: 'numeric', timeZone: 'UTC' });
      const message = { text: content.text('intake.done.prompt', { date }), choices: optionChoices(this.deps, 'intake.done.choices', ['result', 'update', 'fresh']) };
      return step.prompt(ENTRY_PROMPT, OptionPrompt.options({ message, retryKey: 'intake.done.reprompt' }));
    }
    const progress = saved ? answeredCount(saved.answers) : { answered: 0, total: 0 };
    if (progress.answered > 0) {
      const message = { text: content.text('intake.resume.prompt', progress), choices: optionChoices(this.deps, 'intake.resume.choices', ['continue', 'fresh']) };
      return step.prompt(ENTRY_PROMPT, OptionPrompt.options({ message, retryKey: 'intake.resume.reprompt' }));
    }
    await this.introduce(step);
    return step.replaceDialog(LOOP);
  }

  private async entryChoice(step: WaterfallStepContext): Promise<DialogTurnResult> {
    switch (step.result as string) {
      case 'result':
        return step.replaceDialog(INTAKE_RESULT_DIALOG);
      case 'update':
        return step.replaceDialog(WHICH);
      case 'fresh':
        await this.deps.intake.startFresh(this.personId(step));
        step.context.turnState.delete(ANSWERS_THIS_TURN);
        await this.introduce(step);
        return step.replaceDialog(LOOP);
      default:
        return step.replaceDialog(LOOP);
    }
  }

  private async introduce(step: WaterfallStepContext): Promise<void> {
    const { content } = this.deps.services;
    await send(this.deps, step.context, [content.text('intake.intro.start'), content.text('intake.intro.how'), content.text('intake.intro.optional')].join(' '));
  }

  private async askNext(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answers = await this.answers(step);
    const next = nextQuestion(answers);
    if (!next) return step.replaceDialog(REVIEW);
    return step.beginDialog(DIALOG_FOR_KIND[QUESTIONS[next].kind], { id: next, gramsPerCapsule: answers.gramsPerCapsule } satisfies QuestionOptions);
  }

  private async askOne(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = step.options as QuestionOptions;
    const answers = await this.answers(step);
    return step.beginDialog(DIALOG_FOR_KIND[QUESTIONS[options.id].kind], { ...options, gramsPerCapsule: answers.gramsPerCapsule } satisfies QuestionOptions);
  }

  /** Saves what a question dialog returned, says anything worth noting, and moves on. */
  private async saveAnswer(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content, logger } = this.deps.services;
    const outcome = step.result as QuestionOutcome | undefined;
    if (!outcome || outcome.kind === 'paused') {
      await send(this.deps, step.context, content.text('intake.pause.done'));
      return step.endDialog();
    }
    if (outcome.kind === 'correction') return step.replaceDialog(CHANGE, { id: outcome.target, presetText: outcome.text } satisfies QuestionOptions);

    const personId = this.personId(step);
    const answers: Record<string, unknown> = { ...(await this.answers(step)) };
    const notes: string[] = [];
    if (outcome.kind === 'skipped') {
      answers[outcome.id] = 'skipped';
      notes.push(content.text('intake.skip.done'));
    } else {
      answers[outcome.id] = outcome.answer;
      const extras = outcome.extras ?? {};
      if (extras.gramsPerCapsule) answers.gramsPerCapsule = extras.gramsPerCapsule;
      if (extras.timesPerDay && outcome.id === 'currentDose' && answers.timesPerDay === undefined) answers.timesPerDay = { kind: 'count', times: extras.timesPerDay };
      const products = (answers.products as IntakeAnswers['products']) ?? [];
      const added = (extras.adds ?? []).filter((p) => !products.includes(p));
      if (added.length > 0) {
        answers.products = PRODUCTS.filter((p) => products.includes(p) || added.includes(p));
        for (const product of added) if (content.has(`intake.notedProducts.${product}`)) notes.push(content.text(`intake.notedProducts.${product}`));
      }
    }
    await this.deps.intake.save(personId, answers as IntakeAnswers);
    // What a load would now return (parsing drops anything invalid, exactly as reading it back would).
    step.context.turnState.set(ANSWERS_THIS_TURN, parseAnswers(answers));
    logger.info({ personId, question: outcome.id, outcome: outcome.kind }, 'intake answer saved');
    if (notes.length > 0) await send(this.deps, step.context, notes.join(' '));
    return step.replaceDialog(LOOP);
  }

  private async showReview(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content } = this.deps.services;
    const answers = await this.answers(step);
    const lines = QUESTION_IDS.filter((id) => answers[id] !== undefined).map((id) =>
      content.text('intake.review.line', { label: content.text(`intake.review.labels.${id}`), answer: formatAnswer(content, id, answers[id]!) }),
    );
    const retry = Boolean((step.options as { retry?: boolean } | undefined)?.retry);
    const text = retry ? content.text('intake.review.reprompt') : [content.text('intake.review.intro'), ...lines, content.text('intake.review.prompt')].join('\n');
    const message = { text, choices: optionChoices(this.deps, 'intake.review.choices', ['ok', 'change']) };
    return step.prompt(REPLY_PROMPT, AnswerPrompt.options({ message, numbersPickChoices: true }));
  }

  private async reviewReply(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const reply = step.result as RawAnswer;
    if (saysLater(this.deps, reply.text)) return step.endDialog(await this.pause(step));
    let choice = reply.choice;
    if (!choice) {
      const correction = await amountCorrection(this.deps, reply.text);
      if (correction?.kind === 'correction') return step.replaceDialog(CHANGE, { id: correction.target, presetText: correction.text } satisfies QuestionOptions);
      const said = await extract(this.deps, 'yesNo', reply.text);
      if (said.status === 'ok') choice = said.value.answer === 'yes' ? 'ok' : 'change';
    }
    if (choice === 'change') return step.replaceDialog(WHICH);
    if (choice !== 'ok') return step.replaceDialog(REVIEW, { retry: true });

    const personId = this.personId(step);
    const answers = await this.answers(step);
    if (nextQuestion(answers)) return step.replaceDialog(LOOP);
    await this.deps.intake.complete(personId, answers);
    return step.replaceDialog(INTAKE_RESULT_DIALOG);
  }

  private async askWhich(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content } = this.deps.services;
    const answers = await this.answers(step);
    const ids = QUESTION_IDS.filter((id) => applies(id, answers));
    const retry = Boolean((step.options as { retry?: boolean } | undefined)?.retry);
    const message = { text: content.text(retry ? 'intake.review.whichRetry' : 'intake.review.which'), choices: optionChoices(this.deps, 'intake.review.labels', ids) };
    return step.prompt(REPLY_PROMPT, AnswerPrompt.options({ message, numbersPickChoices: true }));
  }

  private async whichReply(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const reply = step.result as RawAnswer;
    if (saysLater(this.deps, reply.text)) return step.endDialog(await this.pause(step));
    const id = QUESTION_IDS.find((q) => q === reply.choice);
    if (id) return step.replaceDialog(CHANGE, { id } satisfies QuestionOptions);
    const correction = await amountCorrection(this.deps, reply.text);
    if (correction?.kind === 'correction') return step.replaceDialog(CHANGE, { id: correction.target, presetText: correction.text } satisfies QuestionOptions);
    return step.replaceDialog(WHICH, { retry: true });
  }

  private async pause(step: WaterfallStepContext): Promise<undefined> {
    await send(this.deps, step.context, this.deps.services.content.text('intake.pause.done'));
    return undefined;
  }
}

