import { loadContent } from '../../src/platform/content/loader';
import { editDistance, stem, terms, tokenize } from '../../src/platform/nlu/search';
import { TopicSearch } from '../../src/features/explain/topicSearch';
import { EXPLAIN_PHRASINGS, HELD_OUT_PHRASINGS, OFF_TOPIC } from './explainPhrasings';

const content = loadContent('en');
const search = new TopicSearch(content.explainers());

describe('explain: the right topic for each question', () => {
  test('the table has at least 40 phrasings, some misspelled, covering every topic', () => {
    expect(EXPLAIN_PHRASINGS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(EXPLAIN_PHRASINGS.map(([, id]) => id))).toEqual(new Set(content.explainers().map((t) => t.id)));
    const sampleQuestions = new Set(content.explainers().flatMap((t) => t.questions.map((q) => q.toLowerCase())));
    expect(EXPLAIN_PHRASINGS.filter(([q]) => !sampleQuestions.has(q.toLowerCase())).length).toBeGreaterThanOrEqual(40);
  });

  test.each(EXPLAIN_PHRASINGS)('%s -> %s', (question, topicId) => {
    expect(search.find(question)).toEqual({ kind: 'match', topicId });
  });

  test('every sample question in the explainers finds its own topic', () => {
    for (const topic of content.explainers())
      for (const q of topic.questions) expect(search.find(q)).toEqual({ kind: 'match', topicId: topic.id });
  });

  test('phrasings never used while tuning: most find their topic directly, and the rest offer it in the short menu', () => {
    const results = HELD_OUT_PHRASINGS.map(([q, id]) => ({ id, found: search.find(q) }));
    const direct = results.filter((r) => r.found.kind === 'match' && r.found.topicId === r.id).length;
    const reachable = results.filter(
      (r) =>
        (r.found.kind === 'match' && r.found.topicId === r.id) ||
        (r.found.kind === 'unclear' && r.found.candidates.includes(r.id)),
    ).length;
    expect(direct / results.length).toBeGreaterThanOrEqual(0.8);
    expect(reachable / results.length).toBeGreaterThanOrEqual(0.9);
  });

  test.each(OFF_TOPIC)('off-topic: %s', (question) => {
    expect(search.find(question)).toEqual({ kind: 'offTopic' });
  });

  test('a vague question gets a short menu of likely topics', () => {
    const vague = search.find('kratom and my brain and liver');
    expect(vague).toEqual({ kind: 'unclear', candidates: expect.arrayContaining(['receptors', 'liver-enzymes']) });
    if (vague.kind === 'unclear') expect(vague.candidates.length).toBeLessThanOrEqual(3);
  });
});

describe('search building blocks', () => {
  test('tokenize joins the spellings of 7-OH and of "10 x"', () => {
    expect(tokenize('What is 7-OH?')).toEqual(['what', 'is', '7oh']);
    expect(tokenize('seven oh and 7 hydroxy')).toEqual(['7oh', 'and', '7oh']);
    expect(tokenize('a 10 x shot')).toEqual(['a', '10x', 'shot']);
  });

  test('stemming groups word forms and stop words drop out', () => {
    expect(stem('strains')).toBe(stem('strain'));
    expect(stem('switching')).toBe(stem('switch'));
    expect(stem('rotation')).toBe(stem('rotate'));
    expect(stem('stopping')).toBe(stem('stop'));
    expect(terms('Why do I need more now?')).toEqual(['need', 'more', 'now']);
  });

  test('edit distance counts a swap of neighbours as one edit and stops early', () => {
    expect(editDistance('withdrawl', 'withdrawal', 2)).toBe(1);
    expect(editDistance('recpetor', 'receptor', 2)).toBe(1);
    expect(editDistance('kratom', 'kratom', 1)).toBe(0);
    expect(editDistance('tolerance', 'receptors', 2)).toBe(3);
  });
});
