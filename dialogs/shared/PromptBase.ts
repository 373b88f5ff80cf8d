import { ActivityTypes, type TurnContext } from 'botbuilder';
import type {
  DialogContext,
  DialogInstance,
  DialogTurnResult,
  PromptOptions,
  PromptRecognizerResult,
  PromptValidator,
} from 'botbuilder-dialogs';
import { Dialog } from '../../src/platform/bot/dialogsLibrary';

/**
 * What a prompt keeps on the dialog stack. The same shape as botbuilder-dialogs' Prompt keeps, so a
 * conversation saved in the middle of a question (by an older build that used that class) carries on.
 */
export interface PromptInstanceState {
  options: PromptOptions;
  state: Record<string, unknown>;
}

/**
 * Asks, reads the reply, and asks again until the reply is accepted: the part of botbuilder-dialogs'
 * Prompt these prompts use. That class's module also loads the Recognizers-Text number library for its
 * built-in choice styles (about 50 ms of start-up), which no prompt here uses; nor is there an adaptive
 * dialog here whose interruptions it checks for on every turn.
 */
export abstract class PromptBase<T> extends Dialog {
  constructor(
    dialogId: string,
    private readonly validator?: PromptValidator<T>,
  ) {
    super(dialogId);
  }

  async beginDialog(dc: DialogContext, options?: PromptOptions): Promise<DialogTurnResult> {
    const instance = stateOf(dc);
    instance.options = { ...options };
    instance.state = {};
    await this.onPrompt(dc.context, instance.state, instance.options, false);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    // Typing, reactions and other events neither answer the question nor count as a try.
    if (dc.context.activity.type !== ActivityTypes.Message) return Dialog.EndOfTurn;
    const instance = stateOf(dc);
    const recognized = await this.onRecognize(dc.context, instance.state, instance.options);
    if (await this.accepts(dc.context, instance, recognized)) return dc.endDialog(recognized.value);
    // A validator that already answered (with its own re-ask) has said enough for this turn.
    if (!dc.context.responded) await this.onPrompt(dc.context, instance.state, instance.options, true);
    return Dialog.EndOfTurn;
  }

  /** A dialog started on top of the question has ended: ask the question again. */
  override async resumeDialog(dc: DialogContext): Promise<DialogTurnResult> {
    await this.repromptDialog(dc.context, dc.activeDialog!);
    return Dialog.EndOfTurn;
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const { state, options } = instance.state as PromptInstanceState;
    await this.onPrompt(context, state, options, false);
  }

  /**
   * True when the message is plainly this question's answer (a button, its number, a parsed value), so
   * free-text understanding leaves it alone. Cheap and without side effects; the router asks before reading.
   */
  takesAsAnswer(dc: DialogContext, text: string): boolean {
    return this.isAnswer(text, stateOf(dc).options ?? {});
  }

  protected isAnswer(_text: string, _options: PromptOptions): boolean {
    return false;
  }

  protected abstract onPrompt(
    context: TurnContext,
    state: object,
    options: PromptOptions,
    isRetry: boolean,
  ): Promise<void>;

  protected abstract onRecognize(
    context: TurnContext,
    state: object,
    options: PromptOptions,
  ): Promise<PromptRecognizerResult<T>>;

  private async accepts(
    context: TurnContext,
    instance: PromptInstanceState,
    recognized: PromptRecognizerResult<T>,
  ): Promise<boolean> {
    if (!this.validator) return recognized.succeeded;
    const attemptCount = ((instance.state.attemptCount as number | undefined) ?? 0) + 1;
    instance.state.attemptCount = attemptCount;
    return this.validator({ context, recognized, state: instance.state, options: instance.options, attemptCount });
  }
}

function stateOf(dc: DialogContext): PromptInstanceState {
  return dc.activeDialog!.state as PromptInstanceState;
}
