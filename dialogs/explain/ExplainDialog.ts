import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { ComponentDialog, WaterfallDialog } from '../../src/platform/bot/dialogsLibrary';
import type { DialogServices } from '../shared/services';
import type { ChoiceOption } from '../../src/platform/channels/messages';
import type { ExplainerTopic } from '../../src/platform/content/Content';
import { matchesPhrase } from '../../src/platform/nlu/choices';
import type { ExplainerPhraser } from '../../src/features/explain/phrasing';
import { choiceUnlessQuestion, questionAfterPrefix } from '../../src/features/explain/questions';
import type { TopicSearch } from '../../src/features/explain/topicSearch';
import type { QuestionBank } from '../../src/features/explain/questionBank';
import { OptionPrompt } from '../shared/OptionPrompt';

export const EXPLAIN_DIALOG = 'explain';
const EXPLAIN_FLOW = 'explain.flow';
const TOPIC_PROMPT = 'explain.topicPrompt';
const NEXT_PROMPT = 'explain.nextPrompt';

const MORE = 'more';
const ANOTHER = 'another';
const DONE = 'done';
const NONE = 'none';
const TOPIC_PREFIX = 'topic:';
/** Related topics offered when a topic has no more depth. */
const RELATED_OFFERED = 2;

/** How the explain conversation begins: with a question, with a topic (from a link), or with neither (the topic menu). */
export interface ExplainOptions {
  question?: string;
  topicId?: string;
  /** 0 = the short answer; n = the n-th "tell me more" section. */
  depth?: number;
}

export interface ExplainTools {
  search: TopicSearch;
  phraser: ExplainerPhraser;
  /** The question bank, for a question no topic covers ("can I take loperamide?"). */
  bank?: QuestionBank;
}

type ExplainServices = Pick<DialogServices, 'content' | 'renderer' | 'logger'>;

/** What one pass of the flow remembers between its steps. */
interface FlowValues {
  question?: string;
  topicId: string;
  depth: number;
  /** The options of the prompt just answered; unset when the step was reached without a prompt. */
  choices?: ChoiceOption[];
}
const valuesOf = (step: WaterfallStepContext) => step.values as FlowValues;

/**
 * Answers questions about tolerance from the explainers: the best topic by local search, a short menu
 * when the question is unclear, an honest "I can help with..." when it is off-topic, and "tell me more"
 * for depth. Reachable from the menu, by the "explain" command, and by asking a question at the menu.
 */
export class ExplainDialog extends ComponentDialog {
  constructor(
    private readonly services: ExplainServices,
    private readonly tools: ExplainTools,
  ) {
    super(EXPLAIN_DIALOG);
    this.addDialog(new OptionPrompt(TOPIC_PROMPT, services, OptionPrompt.acceptAnyText));
    this.addDialog(new OptionPrompt(NEXT_PROMPT, services, OptionPrompt.acceptAnyText));
    this.addDialog(
      new WaterfallDialog(EXPLAIN_FLOW, [
        this.findTopic.bind(this),
        this.showTopic.bind(this),
        this.afterTopic.bind(this),
      ]),
    );
    this.initialDialogId = EXPLAIN_FLOW;
  }

  private async findTopic(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options ?? {}) as ExplainOptions;
    const { content } = this.services;
    if (options.topicId && this.topicOrUndefined(options.topicId)) return step.next(TOPIC_PREFIX + options.topicId);
    if (!options.question) {
      const choices = [...content.explainers().map((t) => this.topicChoice(t)), this.choice(DONE)];
      return this.ask(step, TOPIC_PROMPT, content.text('explain.ask'), choices);
    }
    const match = this.tools.search.find(options.question);
    this.services.logger.info(
      { match: match.kind, topic: match.kind === 'match' ? match.topicId : undefined },
      'explain question',
    );
    if (match.kind === 'match') {
      valuesOf(step).question = options.question;
      return step.next(TOPIC_PREFIX + match.topicId);
    }
    if (match.kind === 'unclear') {
      const choices = [...match.candidates.map((id) => this.topicChoice(content.explainer(id))), this.choice(NONE)];
      return this.ask(step, TOPIC_PROMPT, content.text('explain.unclear'), choices);
    }
    const banked = this.tools.bank?.find(options.question);
    if (banked?.kind === 'match') {
      await this.say(step, this.tools.bank!.get(banked.id).answer);
      return step.endDialog();
    }
    await this.say(step, content.text('explain.offTopic'));
    return step.endDialog();
  }

  private async showTopic(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const picked = this.picked(step);
    if (picked === undefined) return step.replaceDialog(EXPLAIN_FLOW, this.freeText(step.context.activity.text ?? ''));
    if (picked === DONE) return this.finish(step);
    if (picked === NONE) return step.replaceDialog(EXPLAIN_FLOW, {});
    const topic = this.services.content.explainer(picked.slice(TOPIC_PREFIX.length));
    const depth = Math.min((step.options as ExplainOptions).depth ?? 0, topic.sections.length);
    Object.assign(valuesOf(step), { topicId: topic.id, depth });
    const text = depth === 0 ? await this.shortAnswer(topic, valuesOf(step).question) : topic.sections[depth - 1].text;
    const hasMore = depth < topic.sections.length;
    if (hasMore) {
      return this.ask(step, NEXT_PROMPT, text, [this.choice(MORE), this.choice(ANOTHER), this.choice(DONE)]);
    }
    await this.say(step, text);
    const related = topic.related
      .slice(0, RELATED_OFFERED)
      .map((id) => this.topicChoice(this.services.content.explainer(id)));
    return this.ask(step, NEXT_PROMPT, this.services.content.text('explain.noMore'), [
      ...related,
      this.choice(ANOTHER),
      this.choice(DONE),
    ]);
  }

  private async afterTopic(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const picked = this.picked(step);
    const { topicId, depth } = valuesOf(step);
    if (picked === undefined) {
      const text = step.context.activity.text ?? '';
      // "tell me more" after the last section: show the end of the topic again rather than searching for it.
      if (matchesPhrase(text, this.services.content.list('explain.synonyms.more')))
        return step.replaceDialog(EXPLAIN_FLOW, { topicId, depth });
      return step.replaceDialog(EXPLAIN_FLOW, this.freeText(text));
    }
    if (picked === MORE) return step.replaceDialog(EXPLAIN_FLOW, { topicId, depth: depth + 1 });
    if (picked === ANOTHER) return step.replaceDialog(EXPLAIN_FLOW, {});
    if (picked.startsWith(TOPIC_PREFIX))
      return step.replaceDialog(EXPLAIN_FLOW, { topicId: picked.slice(TOPIC_PREFIX.length) });
    return this.finish(step);
  }

  /** The topic's short answer, rephrased to the question when a model is configured and its output passes the checks. */
  private async shortAnswer(topic: ExplainerTopic, question: string | undefined): Promise<string> {
    if (!question || !this.tools.phraser.enabled) return topic.summary;
    const source = [topic.summary, ...topic.sections.map((s) => s.text)].join('\n\n');
    const result = await this.tools.phraser.phrase({ question, answer: topic.summary, source });
    this.services.logger.info(
      { topic: topic.id, by: result.by, reason: result.by === 'verbatim' ? result.reason : undefined },
      'explainer phrasing',
    );
    return result.text;
  }

  private async ask(
    step: WaterfallStepContext,
    promptId: string,
    text: string,
    choices: ChoiceOption[],
  ): Promise<DialogTurnResult> {
    valuesOf(step).choices = choices;
    return step.prompt(promptId, OptionPrompt.options({ message: { text, choices } }));
  }

  /** The option picked, or undefined for free text (including a question that merely contains an option's words). */
  private picked(step: WaterfallStepContext): string | undefined {
    const { choices } = valuesOf(step);
    valuesOf(step).choices = undefined;
    if (!choices) return step.result as string | undefined;
    return choiceUnlessQuestion(
      step.result as string | undefined,
      step.context.activity.text ?? '',
      choices,
      this.services.content,
    );
  }

  /** Typed text inside the conversation: "explain" opens the topic menu, "explain X" and anything else is a question. */
  private freeText(text: string): ExplainOptions {
    const { content } = this.services;
    if (matchesPhrase(text, content.list('explain.commands.menu'))) return {};
    return { question: questionAfterPrefix(text, content) ?? text };
  }

  private async finish(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await this.say(step, this.services.content.text('explain.done'));
    return step.endDialog();
  }

  private topicOrUndefined(id: string): ExplainerTopic | undefined {
    return this.services.content.explainers().find((t) => t.id === id);
  }

  private topicChoice(topic: ExplainerTopic): ChoiceOption {
    return { value: TOPIC_PREFIX + topic.id, label: topic.title };
  }

  private choice(value: typeof MORE | typeof ANOTHER | typeof DONE | typeof NONE): ChoiceOption {
    const { content } = this.services;
    return {
      value,
      label: content.text(`explain.choices.${value}`),
      synonyms: content.list(`explain.synonyms.${value}`),
    };
  }

  private async say(step: WaterfallStepContext, text: string): Promise<void> {
    await step.context.sendActivity(this.services.renderer.render({ text }, step.context.activity.channelId));
  }
}
