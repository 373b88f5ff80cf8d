import type { TurnContext } from 'botbuilder';
import type { DialogContext, DialogInstance, DialogTurnResult } from 'botbuilder-dialogs';
import { Dialog } from '../../src/platform/bot/dialogsLibrary';
import type { OutboundMessage } from '../../src/platform/channels/messages';
import { type AnswerOf, answerSchemas, type QuestionId } from '../../src/features/intake/answers';
import { recognizeChoice } from '../../src/platform/nlu/choices';
import { type RawAnswer, readReply } from './IntakeAnswerPrompt';
import {
  type AnswerExtras,
  extract,
  type IntakeDeps,
  optionChoices,
  type QuestionOptions,
  type QuestionOutcome,
  saysLater,
  saysSkip,
  send,
  yesOrNo,
} from './support';
import { saysDontKnow } from '../../src/features/intake/reader/choices';

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

type Question = OutboundMessage & { numbersPickChoices: boolean };

const CONFIRM = 'confirm';
const ASK = 'ask';
/** At this many misunderstood replies in a row, the re-ask also mentions "later" and "start over" (once). */
const STUCK_AFTER = 3;

/**
 * The shared shape of an intake question: ask, read the reply, and either finish, re-ask with an
 * example, move to a follow-up, or confirm the understood value back ("So about 15 g a day. Is that right?").
 * "later" pauses from any stage. Every answer is checked against its zod schema before it leaves.
 *
 * One plain dialog whose state is its stage, rather than a component holding a waterfall and a prompt:
 * every turn of the intake passes through a question, and each nesting level costs botbuilder-dialogs
 * a dialog context and its memory scopes. The buttons are rebuilt from the stage, not stored.
 */
export abstract class QuestionDialog extends Dialog<QuestionOptions> {
  constructor(
    dialogId: string,
    protected readonly deps: IntakeDeps,
  ) {
    super(dialogId);
  }

  /** The question (or follow-up) to show at a stage, with its buttons. */
  protected abstract message(options: StageOptions): Question;
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

  override beginDialog(dc: DialogContext, options?: QuestionOptions): Promise<DialogTurnResult> {
    return this.enter(dc, { ...(options as QuestionOptions), stage: ASK });
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    if (dc.context.activity.type !== 'message') return Dialog.EndOfTurn;
    const stage = stageOf(dc.activeDialog);
    // A stack saved before questions were plain dialogs: pause, and the intake resumes from its saved answers.
    if (!stage) return dc.endDialog({ kind: 'paused' } satisfies QuestionOutcome);
    const question = this.question(stage);
    const reply = readReply(dc.context, { message: question, numbersPickChoices: question.numbersPickChoices });
    if (!reply) return this.enter(dc, stage); // no words (a card or an attachment only): ask again
    return this.interpret(dc, stage, reply);
  }

  /**
   * A dialog on top of this question ended (a side request, or the safety check after "No, I'm safe"):
   * ask exactly this question again, as PromptBase does. The default would end the question, and the intake with it.
   */
  override async resumeDialog(dc: DialogContext): Promise<DialogTurnResult> {
    await this.repromptDialog(dc.context, dc.activeDialog!);
    return Dialog.EndOfTurn;
  }

  /** True when the message is plainly this question's answer, so a side question is not read into it (see UnderstandingRouter). */
  takesAsAnswer(dc: DialogContext, text: string): boolean {
    const stage = stageOf(dc.activeDialog);
    if (!stage) return false;
    if (saysLater(this.deps, text) || saysSkip(this.deps, text) || saysDontKnow(text, this.deps.vocabulary))
      return true;
    const question = this.question(stage);
    if (recognizeChoice(text, question.choices ?? [], { numbers: question.numbersPickChoices, contains: false }))
      return true;
    if (stage.stage === CONFIRM) return yesOrNo(this.deps, text);
    return this.looksLikeAnswer(stage, text);
  }

  /** Free text that reads as this question's answer (a dose, a time span, a named option). */
  protected looksLikeAnswer(_options: StageOptions, _text: string): boolean {
    return false;
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const stage = stageOf(instance);
    if (stage) await send(this.deps, context, this.question(stage));
  }

  /** Moves to a stage: text given with it is read at once, otherwise the question is asked and the dialog waits. */
  private async enter(dc: DialogContext, stage: StageOptions): Promise<DialogTurnResult> {
    const { presetText, ...waiting } = stage;
    dc.activeDialog!.state = waiting;
    if (presetText) return this.interpret(dc, waiting, { text: presetText });
    await send(this.deps, dc.context, this.question(waiting));
    return Dialog.EndOfTurn;
  }

  private question(options: StageOptions): Question {
    let message: Question;
    if (options.stage === CONFIRM) {
      const text = [
        ...(options.retryKey ? [] : (options.pending?.lines ?? [])),
        this.confirmText(options, Boolean(options.retryKey)),
      ].join(' ');
      message = {
        text,
        choices: optionChoices(this.deps, 'intake.confirm.choices', ['yes', 'no']),
        numbersPickChoices: true,
      };
    } else {
      message = this.message(options);
      if (options.retryKey) message = { ...message, text: this.content().text(options.retryKey) };
      else if (options.askAgain) message = { ...message, text: this.content().text('intake.confirm.askAgain') };
    }
    if (options.attempts === STUCK_AFTER)
      message = { ...message, text: `${message.text} ${this.content().text('intake.stuck')}` };
    return message;
  }

  private async interpret(dc: DialogContext, options: StageOptions, reply: RawAnswer): Promise<DialogTurnResult> {
    if (saysLater(this.deps, reply.text)) return dc.endDialog({ kind: 'paused' } satisfies QuestionOutcome);
    const reading =
      options.stage === CONFIRM ? await this.readConfirmation(options, reply) : await this.read(options, reply);
    const base: StageOptions = {
      id: options.id,
      gramsPerCapsule: options.gramsPerCapsule,
      ...(options.alsoExtract ? { alsoExtract: true } : {}),
      stage: options.stage,
    };
    switch (reading.kind) {
      case 'answer': {
        const checked = answerSchemas[options.id].safeParse(reading.answer);
        if (!checked.success) {
          this.deps.services.logger.warn({ question: options.id }, 'intake answer failed validation');
          return this.enter(dc, { ...base, retryKey: this.retryKey(options), attempts: (options.attempts ?? 0) + 1 });
        }
        if (reading.note) await send(this.deps, dc.context, reading.note);
        const outcome: QuestionOutcome = {
          kind: 'answered',
          id: options.id,
          answer: checked.data as AnswerOf<QuestionId>,
          ...(reading.extras ? { extras: reading.extras } : {}),
        };
        return dc.endDialog(outcome);
      }
      case 'confirm':
        return this.enter(dc, {
          ...base,
          stage: CONFIRM,
          pending: { answer: reading.answer, extras: reading.extras, lines: reading.lines },
        });
      case 'stage':
        return this.enter(dc, {
          ...base,
          stage: reading.stage,
          pending: reading.pending,
          presetText: reading.presetText,
          askAgain: reading.askAgain,
        });
      case 'retry':
        return this.enter(dc, {
          ...base,
          pending: options.pending,
          retryKey: reading.retryKey,
          attempts: (options.attempts ?? 0) + 1,
        });
      case 'outcome':
        return dc.endDialog(reading.outcome);
    }
  }

  /** Yes keeps the value; no asks again; a new value in the reply ("no, 12 g") is read as the answer. */
  private async readConfirmation(options: StageOptions, reply: RawAnswer): Promise<Reading> {
    const pending = options.pending;
    let verdict = reply.choice;
    if (!verdict && /\d/.test(reply.text)) return { kind: 'stage', stage: ASK, presetText: reply.text };
    if (!verdict) {
      const said = await extract(this.deps, 'yesNo', reply.text);
      if (said.status === 'ok') verdict = said.value.answer;
    }
    if (verdict === 'yes' && pending?.answer !== undefined)
      return { kind: 'answer', answer: pending.answer, extras: pending.extras };
    if (verdict === 'no') return { kind: 'stage', stage: ASK, askAgain: true };
    return { kind: 'retry', retryKey: 'confirm' };
  }
}

function stageOf(instance: DialogInstance | undefined): StageOptions | undefined {
  const state = instance?.state as Partial<StageOptions> | undefined;
  return state?.id && state.stage ? (state as StageOptions) : undefined;
}
