import type { TurnContext } from 'botbuilder';
import type { PromptOptions, PromptRecognizerResult } from 'botbuilder-dialogs';
import { PromptBase } from '../shared/PromptBase';
import type { DialogServices } from '../shared/services';
import type { OutboundMessage } from '../../src/platform/channels/messages';
import { normalize, recognizeChoice } from '../../src/platform/nlu/choices';

export interface AnswerRequest {
  message: OutboundMessage;
  /** Whether "2" picks the second button; off for questions whose answer can be a number. */
  numbersPickChoices: boolean;
  /** Words that mark a reply as an answer to this question even inside a longer sentence. */
  answerWords?: string[];
  /** Words a question starts with ("can i", "what"): a reply shaped like a question is not taken by its answer words. */
  questionStarters?: string[];
}

/** The person's reply: their words, and the button value when the reply picked one. */
export interface RawAnswer {
  text: string;
  choice?: string;
}

/**
 * Asks a question that accepts a button or free text. Any non-empty reply succeeds; the dialog that
 * asked decides what it means, so a re-ask can say what was missing.
 */
export class IntakeAnswerPrompt extends PromptBase<RawAnswer> {
  constructor(
    dialogId: string,
    private readonly services: Pick<DialogServices, 'renderer'>,
  ) {
    super(dialogId);
  }

  static options(request: AnswerRequest): PromptOptions {
    return { validations: request };
  }

  protected async onPrompt(context: TurnContext, _state: object, options: PromptOptions): Promise<void> {
    const request = options.validations as AnswerRequest;
    await context.sendActivity(this.services.renderer.render(request.message, context.activity.channelId));
  }

  protected override isAnswer(text: string, options: PromptOptions): boolean {
    const request = options.validations as AnswerRequest | undefined;
    if (!request) return false;
    if (recognizeChoice(text, request.message.choices ?? [], { numbers: request.numbersPickChoices, contains: false }))
      return true;
    // The review's "looks good", "yes that's right", "the goal is wrong": a yes, a no, or a named answer.
    // "can i drink alcohol while tapering?" names an answer ("alcohol") but asks something: the router answers it.
    const said = normalize(text);
    const asks =
      text.trim().endsWith('?') ||
      (request.questionStarters ?? []).map(normalize).some((s) => s && (said === s || said.startsWith(`${s} `)));
    if (asks) return false;
    return (request.answerWords ?? []).some((w) => ` ${said} `.includes(` ${normalize(w)} `));
  }

  protected async onRecognize(
    context: TurnContext,
    _state: object,
    options: PromptOptions,
  ): Promise<PromptRecognizerResult<RawAnswer>> {
    const reply = readReply(context, options.validations as AnswerRequest);
    return reply ? { succeeded: true, value: reply } : { succeeded: false };
  }
}

/** The reply to a question as words plus the button it picked, if any; undefined when there are no words. */
export function readReply(context: TurnContext, request: AnswerRequest): RawAnswer | undefined {
  const text = (typeof context.activity.text === 'string' ? context.activity.text : '').trim();
  if (!text) return undefined;
  // Exact words or number only: "alcohol and xanax" is free text, not just the "Alcohol" button.
  const picked = recognizeChoice(text, request.message.choices ?? [], {
    numbers: request.numbersPickChoices,
    contains: false,
  });
  return picked ? { text, choice: picked.value } : { text };
}
