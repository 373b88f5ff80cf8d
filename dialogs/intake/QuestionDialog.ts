import { ComponentDialog, type DialogTurnResult, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { OutboundMessage } from '../../src/channels/messages';
import { type AnswerOf, answerSchemas, type QuestionId } from '../../src/intake/answers';
import { AnswerPrompt, type RawAnswer } from './AnswerPrompt';
import { type AnswerExtras, extract, type IntakeDeps, optionChoices, type QuestionOptions, type QuestionOutcome, saysLater } from './support';

/** Where a question dialog is: asking, in a follow-up of its own (capsule size, a rough range), or confirming. */
export interface StageOptions extends QuestionOptions {
  stage: string;
  /** Content key of the re-ask, when the last reply was not understood. */
  retryKey?: string;
  attempts?: number;
  askAgain?: boolean;
  /** A value waiting for "Is that right?", or what a follow-up needs (a capsule count). */
  pending?: { answer?: AnswerOf<QuestionId>; extras?: AnswerExtras; lines?: string[]; count?: number };
}

/** What a reply meant, as decided by the question. */
export type Reading =
  | { kind: 'answer'; answer: AnswerOf<QuestionId>; extras?: AnswerExtras; note?: string }
  | { kind: 'confirm'; answer: AnswerOf<QuestionId>; extras?: AnswerExtras; lines: string[] }
  | { kind: 'stage'; stage: string; pending?: StageOptions['pending']; presetText?: string; askAgain?: boolean }
  | { kind: 'retry'; retryKey: string }
  | { kind: 'outcome'; outcome: QuestionOutcome };

const CONFIRM = 'confirm';
/** At this many misunderstood replies in a row, the re-ask also mentions "later" and "start over" (once). */
const STUCK_AFTER = 3;

/**
 * The shared shape of an intake question: ask, read the reply, and either finish, re-ask with an
 * example, move to a follow-up, or confirm the understood value back ("So about 15 g a day. Is that right?").
 * "later" pauses from any stage. Every answer is checked against its zod schema before it leaves.
 */
export abstract class QuestionDialog extends ComponentDialog {
  private readonly waterfallId: string;
  private readonly promptId: string;

  constructor(
    dialogId: string,
    protected readonly deps: IntakeDeps,
  ) {
    super(dialogId);
    this.waterfallId = `${dialogId}.steps`;
    this.promptId = `${dialogId}.answer`;
    this.addDialog(new AnswerPrompt(this.promptId, deps.services));
    this.addDialog(new WaterfallDialog(this.waterfallId, [this.ask.bind(this), this.interpret.bind(this)]));
    this.initialDialogId = this.waterfallId;
  }

  /** The question (or follow-up) to show at a stage, with its buttons. */
  protected abstract message(options: StageOptions): OutboundMessage & { numbersPickChoices: boolean };
  protected abstract read(options: StageOptions, reply: RawAnswer): Promise<Reading>;
  /** The re-ask with an example, for a reply that could not be used. */
  protected abstract retryKey(options: StageOptions): string;
  /** "Is that right?" for a pending value; `retry` when the last reply to it was not understood. */
  protected confirmText(_options: StageOptions, _retry: boolean): string {
    return '';
  }

  protected content() {
    return this.deps.services.content;
  }

  private stageOptions(step: WaterfallStepContext): StageOptions {
    const options = step.options as StageOptions;
    return { ...options, stage: options.stage ?? 'ask' };
  }

  private async ask(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = this.stageOptions(step);
    if (options.presetText) return step.next({ text: options.presetText } satisfies RawAnswer);
    let message: OutboundMessage & { numbersPickChoices: boolean };
    if (options.stage === CONFIRM) {
      const text = [...(options.retryKey ? [] : (options.pending?.lines ?? [])), this.confirmText(options, Boolean(options.retryKey))].join(' ');
      message = { text, choices: optionChoices(this.deps, 'intake.confirm.choices', ['yes', 'no']), numbersPickChoices: true };
    } else {
      message = this.message(options);
      if (options.retryKey) message = { ...message, text: this.content().text(options.retryKey) };
      else if (options.askAgain) message = { ...message, text: this.content().text('intake.confirm.askAgain') };
    }
    if (options.attempts === STUCK_AFTER) message = { ...message, text: `${message.text} ${this.content().text('intake.stuck')}` };
    return step.prompt(this.promptId, AnswerPrompt.options({ message, numbersPickChoices: message.numbersPickChoices }));
  }

  private async interpret(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = this.stageOptions(step);
    const reply = step.result as RawAnswer;
    if (saysLater(this.deps, reply.text)) return step.endDialog({ kind: 'paused' } satisfies QuestionOutcome);
    const reading = options.stage === CONFIRM ? await this.readConfirmation(options, reply) : await this.read(options, reply);
    const base: StageOptions = { id: options.id, gramsPerCapsule: options.gramsPerCapsule, stage: options.stage };
    switch (reading.kind) {
      case 'answer': {
        const checked = answerSchemas[options.id].safeParse(reading.answer);
        if (!checked.success) {
          this.deps.services.logger.warn({ question: options.id }, 'intake answer failed validation');
          return step.replaceDialog(this.waterfallId, { ...base, retryKey: this.retryKey(options), attempts: (options.attempts ?? 0) + 1 });
        }
        if (reading.note) await step.context.sendActivity(this.deps.services.renderer.render({ text: reading.note }, step.context.activity.channelId));
        const outcome: QuestionOutcome = { kind: 'answered', id: options.id, answer: checked.data as AnswerOf<QuestionId>, ...(reading.extras ? { extras: reading.extras } : {}) };
        return step.endDialog(outcome);
      }
      case 'confirm':
        return step.replaceDialog(this.waterfallId, { ...base, stage: CONFIRM, pending: { answer: reading.answer, extras: reading.extras, lines: reading.lines } });
      case 'stage':
        return step.replaceDialog(this.waterfallId, { ...base, stage: reading.stage, pending: reading.pending, presetText: reading.presetText, askAgain: reading.askAgain });
      case 'retry':
        return step.replaceDialog(this.waterfallId, { ...base, pending: options.pending, retryKey: reading.retryKey, attempts: (options.attempts ?? 0) + 1 });
      case 'outcome':
        return step.endDialog(reading.outcome);
    }
  }

  /** Yes keeps the value; no asks again; a new value in the reply ("no, 12 g") is read as the answer. */
  private async readConfirmation(options: StageOptions, reply: RawAnswer): Promise<Reading> {
    const pending = options.pending;
    let verdict = reply.choice;
    if (!verdict && /\d/.test(reply.text)) return { kind: 'stage', stage: 'ask', presetText: reply.text };
    if (!verdict) {
      const said = await extract(this.deps, 'yesNo', reply.text);
      if (said.status === 'ok') verdict = said.value.answer;
    }
    if (verdict === 'yes' && pending?.answer !== undefined) return { kind: 'answer', answer: pending.answer, extras: pending.extras };
    if (verdict === 'no') return { kind: 'stage', stage: 'ask', askAgain: true };
    return { kind: 'retry', retryKey: 'confirm' };
  }
}
