import type { TurnContext } from 'botbuilder';
import type {
  PromptOptions,
  PromptRecognizerResult,
  PromptValidator,
  PromptValidatorContext,
} from 'botbuilder-dialogs';
import { PromptBase } from './PromptBase';
import type { ChoiceOption, OutboundMessage } from '../../src/platform/channels/messages';
import type { DialogServices } from './services';
import { normalize, recognizeChoice, recognizeChoiceExactly } from '../../src/platform/nlu/choices';
import { asksSomething, looksLikeQuestion } from '../../src/features/explain/questions';

/** What a dialog passes when it asks the person to pick one option. */
export interface OptionPromptRequest {
  message: OutboundMessage;
  /** Content key of the friendly re-ask; defaults to the menu's. */
  retryKey?: string;
}

const DEFAULT_RETRY_KEY = 'menu.reprompt';

/**
 * Asks for one of several options, rendered per channel by the message renderer, and accepts
 * a button press, the option's number, or its words. Returns the chosen option's value.
 */
export class OptionPrompt extends PromptBase<string> {
  constructor(
    dialogId: string,
    private readonly services: Pick<DialogServices, 'content' | 'renderer'>,
    validator?: PromptValidator<string>,
    /** Typed words are the answer (a reflection): anything not shaped like a question is this prompt's to read. */
    private readonly takesFreeText = false,
  ) {
    super(dialogId, validator);
  }

  static options(request: OptionPromptRequest): PromptOptions {
    return { validations: request };
  }

  /** A validator for prompts where typed text is an answer too: an option, or any non-empty text (returned as undefined). */
  static async acceptAnyText(this: void, prompt: PromptValidatorContext<string>): Promise<boolean> {
    return prompt.recognized.succeeded || normalize(prompt.context.activity.text ?? '') !== '';
  }

  protected async onPrompt(
    context: TurnContext,
    _state: object,
    options: PromptOptions,
    isRetry: boolean,
  ): Promise<void> {
    const request = options.validations as OptionPromptRequest;
    const message: OutboundMessage = isRetry
      ? { ...request.message, text: this.services.content.text(request.retryKey ?? DEFAULT_RETRY_KEY) }
      : request.message;
    await context.sendActivity(this.services.renderer.render(message, context.activity.channelId));
  }

  protected override isAnswer(text: string, options: PromptOptions): boolean {
    const { content } = this.services;
    if (
      this.takesFreeText &&
      normalize(text) !== '' &&
      !looksLikeQuestion(text, content) &&
      !asksSomething(text, content)
    )
      return true;
    return (
      recognizeChoiceExactly(text, (options.validations as OptionPromptRequest | undefined)?.message.choices ?? []) !==
      undefined
    );
  }

  protected async onRecognize(
    context: TurnContext,
    _state: object,
    options: PromptOptions,
  ): Promise<PromptRecognizerResult<string>> {
    const request = options.validations as OptionPromptRequest;
    const text = typeof context.activity.text === 'string' ? context.activity.text : '';
    const picked = recognizeChoice(text, request.message.choices ?? []);
    return picked ? { succeeded: true, value: picked.value } : { succeeded: false };
  }
}

/** Options whose labels are `<prefix>.options.<value>` and synonyms (optional) `<prefix>.synonyms.<value>` in content. */
export function choicesFromContent(
  content: DialogServices['content'],
  prefix: string,
  values: readonly string[],
): ChoiceOption[] {
  return values.map((value) => ({
    value,
    label: content.text(`${prefix}.options.${value}`),
    synonyms: content.has(`${prefix}.synonyms.${value}`) ? content.list(`${prefix}.synonyms.${value}`) : [],
  }));
}
