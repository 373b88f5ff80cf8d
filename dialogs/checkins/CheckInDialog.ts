import type { DialogContext, DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { ComponentDialog, WaterfallDialog } from '../../src/platform/bot/dialogsLibrary';
import { personIdOf } from '../../src/platform/channels/identity';
import type { DialogServices } from '../shared/services';
import type { ChoiceOption, OutboundMessage } from '../../src/platform/channels/messages';
import {
  type CheckInAmount,
  CHECKIN_UNITS,
  type CheckInUnit,
  parseCheckInAmount,
} from '../../src/features/checkins/amount';
import { emptyCheckInAnswers } from '../../src/features/checkins/answers';
import { type HandoffNotice, handoffNotice } from '../../src/features/checkins/handoffNotice';
import { changesPicture, profileChangesFrom } from '../../src/features/checkins/profileChanges';
import type { CheckInReviewer } from '../../src/features/checkins/review';
import type { IntakeService } from '../../src/features/intake/IntakeService';
import { parseGrams, parseWholeNumber } from '../../src/features/checkins/checkInAnswers';
import type { CheckInService } from '../../src/features/checkins/CheckInService';
import type { CheckInAnswers, DueKind } from '../../src/platform/storage/repositories';
import { type Answer, CheckInAnswerPrompt, type AnswerRequest } from './CheckInAnswerPrompt';

export const CHECKIN_DIALOG = 'checkin';
const WATERFALL = 'checkin.steps';
const INVITE_PROMPT = 'checkin.invite';
const QUESTION_PROMPT = 'checkin.question';
const SKIP = 'skip';

export interface CheckInOptions {
  /** Set when the scheduler opened the conversation: ask whether to start now. */
  invitation?: DueKind;
  programWeek?: number;
}

interface CheckInValues {
  programWeek: number;
  answers: CheckInAnswers;
}

type Item = keyof CheckInAnswers;
/** Options of the button questions, as ids; their labels are checkin.<item>.options.<id>. */
const OPTION_IDS: Partial<Record<Item, string[]>> = {
  form: ['leaf', 'extract', 'sevenOh', 'other'],
  symptoms: ['none', 'mild', 'moderate', 'severe'],
  sleep: ['good', 'fair', 'poor'],
  mood: ['good', 'okay', 'low', 'veryLow'],
  support: ['people', 'group', 'clinician', 'none'],
};
/** Grams in a size 00 capsule, the most common size (content/en/nlu/vocabulary.yaml has the same figure). */
const DEFAULT_GRAMS_PER_LEAF_CAPSULE = 0.5;
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

/** Opens the check-in from the scheduler's proactive turn; an unfinished one from last week is replaced. */
export async function beginScheduledCheckIn(
  dc: DialogContext,
  job: { kind: DueKind; programWeek: number },
): Promise<void> {
  const options: CheckInOptions = { invitation: job.kind, programWeek: job.programWeek };
  if (dc.activeDialog?.id === CHECKIN_DIALOG) await dc.replaceDialog(CHECKIN_DIALOG, options);
  else await dc.beginDialog(CHECKIN_DIALOG, options);
}

/**
 * The weekly check-in, about two minutes: days used, amount and form, cravings, withdrawal symptoms,
 * sleep, mood, confidence (with "what would move you up one point?") and support. Every item takes a
 * button or free text and can be skipped; "later" stops for now, "stop" stops the check-ins. The answers are
 * saved and reviewed, and what they change (amount, products) re-runs the risk rules on the intake's latest
 * profile. The hand-off card goes out, once, when the review or the current assessment calls for it.
 */
export class CheckInDialog extends ComponentDialog {
  constructor(
    private readonly services: Pick<DialogServices, 'content' | 'renderer' | 'logger'>,
    private readonly checkIns: CheckInService,
    private readonly reviewer: CheckInReviewer,
    private readonly intake: Pick<IntakeService, 'latest' | 'reassess' | 'handoffCard'> &
      Partial<Pick<IntakeService, 'load'>>,
  ) {
    super(CHECKIN_DIALOG);
    const { content } = services;
    const unitWords = Object.fromEntries(
      CHECKIN_UNITS.map((unit) => [unit, content.list(`checkin.amount.units.${unit}`)]),
    ) as Record<CheckInUnit, string[]>;
    this.addDialog(new CheckInAnswerPrompt(INVITE_PROMPT, services));
    this.addDialog(
      new CheckInAnswerPrompt(QUESTION_PROMPT, services, {
        daysUsed: (text) =>
          parseWholeNumber(text, 0, 7, {
            min: content.list('checkin.daysUsed.none'),
            max: content.list('checkin.daysUsed.all'),
          }),
        scale: (text) => parseWholeNumber(text, 0, 10),
        grams: parseGrams,
        amount: (text) => parseCheckInAmount(text, unitWords),
        anyText: (text) => (text.trim() ? text.trim().slice(0, 500) : undefined),
      }),
    );
    this.addDialog(
      new WaterfallDialog(WATERFALL, [
        this.invite.bind(this),
        this.askDaysUsed.bind(this),
        this.askAmount.bind(this),
        this.askForm.bind(this),
        this.askCravings.bind(this),
        this.askSymptoms.bind(this),
        this.askSleep.bind(this),
        this.askMood.bind(this),
        this.askConfidence.bind(this),
        this.askConfidenceStep.bind(this),
        this.askSupport.bind(this),
        this.finish.bind(this),
      ]),
    );
    this.initialDialogId = WATERFALL;
  }

  private say(step: WaterfallStepContext, key: string, vars?: Record<string, string | number>): Promise<unknown> {
    return this.send(step, { text: this.services.content.text(key, vars) });
  }

  private send(step: WaterfallStepContext, message: OutboundMessage): Promise<unknown> {
    return step.context.sendActivity(this.services.renderer.render(message, step.context.activity.channelId));
  }

  private values(step: WaterfallStepContext): CheckInValues {
    return step.values as CheckInValues;
  }

  private skipChoice(): ChoiceOption {
    return { value: SKIP, label: this.services.content.text('checkin.skipButton') };
  }

  /** `section` names the item's texts in content: checkin.<section>.ask, .retry, .options. */
  private ask(
    step: WaterfallStepContext,
    section: string,
    message: OutboundMessage,
    parser?: string,
  ): Promise<DialogTurnResult> {
    const request: AnswerRequest = {
      message: { ...message, choices: [...(message.choices ?? []), this.skipChoice()] },
      retryKey: this.services.content.has(`checkin.${section}.retry`) ? `checkin.${section}.retry` : 'menu.reprompt',
      parser,
      controls: ['skip', 'later', 'stop'],
    };
    return step.prompt(QUESTION_PROMPT, CheckInAnswerPrompt.options(request));
  }

  private askScale(
    step: WaterfallStepContext,
    item: Item,
    from: number,
    to: number,
    parser: string,
    vars?: Record<string, string | number>,
  ) {
    const choices = range(from, to).map((value) => ({ value, label: value }));
    return this.ask(
      step,
      item,
      { text: this.services.content.text(`checkin.${item}.ask`, vars), choices, choiceLayout: 'inline' },
      parser,
    );
  }

  private askOptions(step: WaterfallStepContext, item: Item): Promise<DialogTurnResult> {
    const { content } = this.services;
    const choices = (OPTION_IDS[item] ?? []).map((id) => ({
      value: id,
      label: content.text(`checkin.${item}.options.${id}`),
      synonyms: content.has(`checkin.${item}.synonyms.${id}`) ? content.list(`checkin.${item}.synonyms.${id}`) : [],
    }));
    return this.ask(step, item, { text: content.text(`checkin.${item}.ask`), choices });
  }

  /**
   * Stores the answer to `item` (from the previous prompt). Returns a turn result when the person said
   * "later" or "stop" and the dialog has ended.
   */
  private async record(
    step: WaterfallStepContext,
    item: Item,
    toValue: (answer: Answer) => unknown,
  ): Promise<DialogTurnResult | undefined> {
    const answer = step.result as Answer | undefined;
    if (!answer) return undefined;
    if (answer.kind === 'control') {
      if (answer.control === 'later') return this.later(step);
      if (answer.control === 'stop') return this.stop(step);
      return undefined;
    }
    if (answer.kind === 'choice' && answer.value === SKIP) return undefined;
    (this.values(step).answers as unknown as Record<string, unknown>)[item] = toValue(answer);
    return undefined;
  }

  private async invite(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options ?? {}) as CheckInOptions;
    const programWeek = options.programWeek ?? (await this.checkIns.programWeek(personIdOf(step.context.activity)));
    Object.assign(step.values, { programWeek, answers: emptyCheckInAnswers() } satisfies CheckInValues);
    if (!options.invitation) return step.next({ kind: 'choice', value: 'start' } satisfies Answer);
    const { content } = this.services;
    const choices = ['start', 'later', 'stop'].map((id) => ({
      value: id,
      label: content.text(`schedule.invitation.options.${id}`),
      synonyms: content.has(`schedule.invitation.synonyms.${id}`)
        ? content.list(`schedule.invitation.synonyms.${id}`)
        : [],
    }));
    const request: AnswerRequest = {
      message: { text: content.text(`schedule.invitation.${options.invitation}`, { week: programWeek }), choices },
      retryKey: 'menu.reprompt',
      controls: ['later', 'stop'],
    };
    return step.prompt(INVITE_PROMPT, CheckInAnswerPrompt.options(request));
  }

  private async askDaysUsed(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = step.result as Answer;
    const choice = answer.kind === 'control' ? answer.control : answer.value;
    if (choice === 'later') return this.later(step);
    if (choice === 'stop') return this.stop(step);
    await this.say(step, 'checkin.intro');
    return this.askScale(step, 'daysUsed', 0, 7, 'daysUsed');
  }

  private async askAmount(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const ended = await this.record(step, 'daysUsed', numberOf);
    if (ended) return ended;
    const { answers } = this.values(step);
    if (answers.daysUsed === 0) {
      answers.gramsPerDay = 0;
      return step.next();
    }
    return this.ask(step, 'amount', { text: this.services.content.text('checkin.amount.ask') }, 'amount');
  }

  private async askForm(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = step.result as Answer | undefined;
    if (answer?.kind === 'parsed') {
      const amount = answer.value as CheckInAmount;
      const { answers } = this.values(step);
      if ('grams' in amount) answers.gramsPerDay = amount.grams;
      else Object.assign(answers, { unitsPerDay: amount.count, unit: amount.unit });
    } else {
      const ended = await this.record(step, 'gramsPerDay', numberOf);
      if (ended) return ended;
    }
    if (this.values(step).answers.daysUsed === 0) return step.next();
    return this.askOptions(step, 'form');
  }

  private async askCravings(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const ended = await this.record(step, 'form', valueOf);
    if (ended) return ended;
    return this.askScale(step, 'cravings', 0, 10, 'scale');
  }

  private async askSymptoms(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return (await this.record(step, 'cravings', numberOf)) ?? this.askOptions(step, 'symptoms');
  }

  private async askSleep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return (await this.record(step, 'symptoms', valueOf)) ?? this.askOptions(step, 'sleep');
  }

  private async askMood(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return (await this.record(step, 'sleep', valueOf)) ?? this.askOptions(step, 'mood');
  }

  private async askConfidence(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return (await this.record(step, 'mood', valueOf)) ?? this.askScale(step, 'confidence', 0, 10, 'scale');
  }

  private async askConfidenceStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const ended = await this.record(step, 'confidence', numberOf);
    if (ended) return ended;
    const score = this.values(step).answers.confidence;
    if (score === null || score >= 10) return step.next();
    return this.ask(
      step,
      'confidenceStep',
      { text: this.services.content.text('checkin.confidenceStep.ask', { score }) },
      'anyText',
    );
  }

  private async askSupport(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const hadStep = this.values(step).answers.confidenceStep;
    const ended = await this.record(step, 'confidenceStep', valueOf);
    if (ended) return ended;
    if (hadStep === null && this.values(step).answers.confidenceStep !== null)
      await this.say(step, 'checkin.confidenceStep.thanks');
    return this.askOptions(step, 'support');
  }

  private async finish(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const ended = await this.record(step, 'support', valueOf);
    if (ended) return ended;
    const { logger } = this.services;
    const personId = personIdOf(step.context.activity);
    const { programWeek, answers } = this.values(step);
    const previous = await this.checkIns.latest(personId);
    const latest = await this.intake.latest(personId);
    await this.leafCapsulesToGrams(personId, answers);
    const review = this.reviewer.review(previous, answers, { profile: latest?.profile });
    await this.checkIns.save(personId, programWeek, answers, review);
    // The risk rules run again only when the check-in changed the picture, so a steady week adds no assessment.
    const changes = latest ? profileChangesFrom(answers, latest.profile) : {};
    const reassessment =
      latest && changesPicture(latest.profile, changes) ? await this.intake.reassess(personId, changes) : undefined;
    const notice = handoffNotice(review, latest, reassessment);
    logger.info(
      {
        programWeek,
        handoff: review.handoff,
        reasons: review.reasons,
        reassessed: reassessment !== undefined,
        handoffCard: notice.card,
      },
      'check-in saved',
    );
    await this.say(step, 'checkin.done');
    await this.sendHandoff(step, personId, notice);
    if (review.reasons.includes('veryLowMood')) await this.say(step, 'checkin.review.veryLowMood');
    await this.say(step, 'checkin.progressHint');
    return step.endDialog(review);
  }

  /** Capsules of plain leaf are weighed product: grams by the size the intake learned, or the common size. */
  private async leafCapsulesToGrams(personId: string, answers: CheckInAnswers): Promise<void> {
    if (answers.unit !== 'capsule' || answers.unitsPerDay === null || answers.form !== 'leaf') return;
    const saved = this.intake.load ? await this.intake.load(personId) : undefined;
    const gramsPerCapsule = saved?.answers.gramsPerCapsule ?? DEFAULT_GRAMS_PER_LEAF_CAPSULE;
    answers.gramsPerDay = Math.round(answers.unitsPerDay * gramsPerCapsule * 10) / 10;
    answers.unitsPerDay = null;
    answers.unit = null;
  }

  /** Why (the review's reasons, the rules' reasons, or a reminder), then the one card, then when to act. */
  private async sendHandoff(step: WaterfallStepContext, personId: string, notice: HandoffNotice): Promise<void> {
    const { content } = this.services;
    if (notice.reviewReasons.length > 0) {
      await this.say(step, 'checkin.review.handoffIntro');
      for (const reason of notice.reviewReasons) await this.say(step, `checkin.review.${reason}`);
    }
    if (notice.startedReasons.length > 0) {
      const lines = notice.startedReasons.map((r) =>
        content.text('intake.result.reasonLine', { reason: content.text(r.contentKey, r.vars) }),
      );
      await this.send(step, { text: [content.text('checkin.plan.started'), ...lines].join('\n') });
    }
    if (notice.reminder) await this.say(step, 'checkin.plan.reminder');
    if (notice.ended) await this.say(step, 'checkin.plan.ended');
    if (!notice.card) return;
    await this.send(step, await this.intake.handoffCard(personId));
    if (notice.reviewReasons.length > 0) await this.say(step, 'checkin.review.seekCare');
  }

  private async later(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await this.say(step, 'checkin.later');
    return step.endDialog();
  }

  private async stop(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const result = await this.checkIns.stop(personIdOf(step.context.activity));
    await this.say(step, result === 'notEnrolled' ? 'schedule.status.notEnrolled' : 'schedule.status.stopped');
    return step.endDialog();
  }
}

function numberOf(answer: Answer): number | null {
  if (answer.kind === 'control') return null;
  const n = Number(answer.value);
  return Number.isFinite(n) ? n : null;
}

function valueOf(answer: Answer): unknown {
  return answer.kind === 'control' ? null : answer.value;
}
