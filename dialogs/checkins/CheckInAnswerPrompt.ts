import type { TurnContext } from 'botbuilder';
import type { PromptOptions, PromptRecognizerResult, PromptValidator } from 'botbuilder-dialogs';
import { PromptBase } from '../shared/PromptBase';
import type { OutboundMessage } from '../../src/platform/channels/messages';
import type { DialogServices } from '../shared/services';
import { matchesPhrase, recognizeChoice, recognizeChoiceExactly } from '../../src/platform/nlu/choices';

/** Words that work on every question of a check-in: pass on this one, stop for now, stop check-ins. */
export type AnswerControl = 'skip' | 'later' | 'stop';

export interface AnswerRequest {
  message: OutboundMessage;
  /** Content key of the friendly re-ask (with an example). */
  retryKey: string;
  retryVars?: Record<string, string | number>;
  /** Name of a free-text parser handed to the prompt; tried before the buttons. */
  parser?: string;
  controls?: AnswerControl[];
}

export type Answer =
  { kind: 'choice'; value: string } | { kind: 'parsed'; value: unknown } | { kind: 'control'; control: AnswerControl };

/** Turns free text into a value, or undefined when it can't. */
export type AnswerParser = (text: string) => unknown;

/** Content key of the phrases for each control word. */
const CONTROL_PHRASES: Record<AnswerControl, string> = {
  skip: 'checkin.controls.skip',
  later: 'checkin.controls.later',
  stop: 'checkin.controls.stop',
};

/**
 * Asks one question and accepts a button, its number, its words, or free text read by a parser
 * ("sunday 6pm", "6 g", "five days"), plus the control words the request allows.
 */
export class CheckInAnswerPrompt extends PromptBase<Answer> {
  constructor(
    dialogId: string,
    private readonly services: Pick<DialogServices, 'content' | 'renderer'>,
    private readonly parsers: Record<string, AnswerParser> = {},
    validator?: PromptValidator<Answer>,
  ) {
    super(dialogId, validator);
  }

  static options(request: AnswerRequest): PromptOptions {
    return { validations: request };
  }

  protected async onPrompt(
    context: TurnContext,
    _state: object,
    options: PromptOptions,
    isRetry: boolean,
  ): Promise<void> {
    const request = options.validations as AnswerRequest;
    const message: OutboundMessage = isRetry
      ? { ...request.message, text: this.services.content.text(request.retryKey, request.retryVars) }
      : request.message;
    await context.sendActivity(this.services.renderer.render(message, context.activity.channelId));
  }

  protected override isAnswer(text: string, options: PromptOptions): boolean {
    const request = options.validations as AnswerRequest | undefined;
    if (!request) return false;
    if ((request.controls ?? []).some((c) => matchesPhrase(text, this.services.content.list(CONTROL_PHRASES[c]))))
      return true;
    const parser = request.parser ? this.parsers[request.parser] : undefined;
    return parser?.(text) !== undefined || recognizeChoiceExactly(text, request.message.choices ?? []) !== undefined;
  }

  protected async onRecognize(
    context: TurnContext,
    _state: object,
    options: PromptOptions,
  ): Promise<PromptRecognizerResult<Answer>> {
    const request = options.validations as AnswerRequest;
    const text = typeof context.activity.text === 'string' ? context.activity.text : '';
    if (!text.trim()) return { succeeded: false };
    const control = (request.controls ?? []).find((c) =>
      matchesPhrase(text, this.services.content.list(CONTROL_PHRASES[c])),
    );
    if (control) return { succeeded: true, value: { kind: 'control', control } };
    const parser = request.parser ? this.parsers[request.parser] : undefined;
    const parsed = parser?.(text);
    if (parsed !== undefined) return { succeeded: true, value: { kind: 'parsed', value: parsed } };
    const picked = recognizeChoice(text, request.message.choices ?? []);
    return picked ? { succeeded: true, value: { kind: 'choice', value: picked.value } } : { succeeded: false };
  }
}
