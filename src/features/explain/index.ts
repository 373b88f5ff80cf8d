import type { Content } from '../../platform/content/Content';
import type { ChatModel } from '../../platform/nlu/model';
import { ExplainerPhraser } from './phrasing';
import { TopicSearch } from './topicSearch';

/** The explainer topics and their optional rephrasing by the model (under a timeout, checked for reading level). */
export function createExplain({
  content,
  model,
  timeoutMs,
}: {
  content: Content;
  model?: ChatModel;
  timeoutMs: number;
}) {
  return { topics: new TopicSearch(content.explainers()), phraser: new ExplainerPhraser(model, { timeoutMs }) };
}
