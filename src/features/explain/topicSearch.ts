import type { ExplainerTopic } from '../../platform/content/Content';
import { normalize } from '../../platform/nlu/choices';
import { RankedSearch, terms } from '../../platform/nlu/search';

/** What the explain conversation does with a question. */
export type TopicMatch =
  { kind: 'match'; topicId: string } | { kind: 'unclear'; candidates: string[] } | { kind: 'offTopic' };

/** Field weights: people's own words (keywords, sample questions) count most, the body least. */
const WEIGHTS = { title: 3, keywords: 3, questions: 2, summary: 0.8, sections: 0.5 };
/** A best hit this strong, and this far ahead of the next, is a clear answer. */
const MATCH_SCORE = 1;
const MATCH_LEAD = 1.35;
/** Below this the question is not about anything the explainers cover. */
const RELEVANT_SCORE = 0.9;
const MAX_CANDIDATES = 3;

/** Finds the explainer that answers a free-text question, locally (no network). */
export class TopicSearch {
  private readonly index: RankedSearch;
  private readonly sampleQuestions: Map<string, string>;

  constructor(topics: readonly ExplainerTopic[]) {
    this.index = new RankedSearch(
      topics.map((topic) => ({
        id: topic.id,
        fields: [
          { text: topic.title, weight: WEIGHTS.title },
          { text: topic.keywords.join(' . '), weight: WEIGHTS.keywords },
          { text: topic.questions.join(' . '), weight: WEIGHTS.questions },
          { text: topic.summary, weight: WEIGHTS.summary },
          ...topic.sections.map((s) => ({ text: `${s.heading} . ${s.text}`, weight: WEIGHTS.sections })),
        ],
      })),
    );
    this.sampleQuestions = new Map(
      topics.flatMap((topic) => topic.questions.map((q) => [normalize(q), topic.id] as const)),
    );
  }

  find(question: string): TopicMatch {
    const exact = this.sampleQuestions.get(normalize(question));
    if (exact) return { kind: 'match', topicId: exact };
    if (terms(question).length === 0) return { kind: 'offTopic' };
    const hits = this.index.search(question);
    const [best, second] = hits;
    if (!best || best.score < RELEVANT_SCORE || !hits.some((hit) => hit.about)) return { kind: 'offTopic' };
    if (best.about && best.score >= MATCH_SCORE && (!second || best.score >= MATCH_LEAD * second.score))
      return { kind: 'match', topicId: best.id };
    const candidates = hits
      .filter((hit) => hit.score >= best.score / 2)
      .slice(0, MAX_CANDIDATES)
      .map((hit) => hit.id);
    return { kind: 'unclear', candidates };
  }

  /** Scores for every topic, best first (for tuning and tests). */
  rank(question: string) {
    return this.index.search(question);
  }
}
