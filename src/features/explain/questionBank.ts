import MiniSearch from 'minisearch';
import type { Content } from '../../platform/content/Content';
import { escapeRegExp, normalize } from '../../platform/nlu/choices';
import { editDistance, stem } from '../../platform/nlu/search';

/** One question of the bank: content/<locale>/messages/questions.yaml, bank.<topic>.<id>. */
export interface BankQuestion {
  /** "<topic>.<id>", stable: the eval corpus and tests name questions by it. */
  id: string;
  topic: string;
  /** The question as a short button label. */
  title: string;
  /** The plain answer (reading grade 8 or lower; checked with every other message). */
  answer: string;
  /** Ways people ask it (search only, never shown). */
  asks: string[];
  /** The request that does what it asks about ("Can I talk to a real person?": support): offered with the answer. */
  does?: string;
}

export type QuestionMatch =
  /** score: share of the message's words found; words: how many distinct words that is. */
  | { kind: 'match'; id: string; score: number; words: number }
  | { kind: 'unclear'; ids: string[]; score: number }
  | { kind: 'none' };

/** Words too common to tell one question from another. */
const STOP_WORDS = new Set(
  (
    'a an the and or but if so of to in on at by for from with about as into than then there this that these those ' +
    'i me my mine im ive id you your youre we our us they them their it its is are was were be been being am ' +
    'do does did doing done have has had having will would can could should shall may might must ' +
    'what whats how hows which who whom ' +
    'just really very much some any all also too only even again ' +
    'get gets got getting thing things something anything ' +
    'please tell know want like say said hi hello hey ok okay thanks thank u ur pls plz lol kinda ' +
    'dont cant wont not no idk dunno sure yes yeah nope maybe'
  ).split(' '),
);

/** A match needs this share of the message's words found in the question, and this lead over the next question. */
const MATCH_COVERAGE = 0.5;
const MATCH_LEAD = 1.05;
/** A question that uses clearly more of the message's words than the next one wins without a score lead. */
const COVERAGE_LEAD = 0.1;
/** Below this share the message is not about anything in the bank. */
const RELATED_COVERAGE = 0.34;
/** A message with more words than this may be a story with the question at its end. */
const LONG_MESSAGE_TERMS = 8;
/** How many questions "did you mean" offers. */
export const OFFERED = 2;
/** Messages with more words than this are matched without typo tolerance. */
const MAX_FUZZY_TERMS = 12;
/** How much a word counts when only the answer (not a way of asking) uses it, and when it is a typo of a word. */
const ANSWER_WORD = 0.5;
const TYPO_WORD = 0.8;

/** One search document per question: its title and ways of asking, and its answer (weighted lower). */
interface QuestionDocument {
  id: string;
  asks: string;
  answer: string;
}

/**
 * Finds the bank question a message asks. MiniSearch ranks the questions (BM25 over one document per
 * question, typo-tolerant by edit distance, in-memory, no native parts, maintained); this class adds the
 * synonyms from content and the rules for "sure", "one of these two" and "not something I know". A
 * question is one document, not one per wording, so a new way of asking that borrows words from two of
 * the wordings (or from the answer) still finds it.
 */
export class QuestionBank {
  readonly questions: readonly BankQuestion[];
  private readonly byId: Map<string, BankQuestion>;
  private readonly exact = new Map<string, string>();
  private readonly index: MiniSearch<QuestionDocument>;
  private readonly multiWordSynonyms: Array<[RegExp, string]> = [];
  private readonly wordSynonyms = new Map<string, string>();
  /** Each question's words: from its wordings (count fully) and from its answer (count less). */
  private readonly askWords = new Map<string, Set<string>>();
  private readonly answerWords = new Map<string, Set<string>>();

  constructor(content: Content) {
    for (const key of content.listKeys('questions.synonyms.')) {
      const canonical = key.slice('questions.synonyms.'.length).toLowerCase();
      for (const variant of content.list(key).map(normalize)) {
        if (variant.includes(' '))
          this.multiWordSynonyms.push([new RegExp(`\\b${escapeRegExp(variant)}\\b`, 'g'), canonical]);
        else this.wordSynonyms.set(variant, canonical);
      }
    }
    this.multiWordSynonyms.sort((a, b) => b[0].source.length - a[0].source.length);
    this.questions = content
      .listKeys('questions.bank.')
      .filter((key) => key.endsWith('.asks'))
      .map((key) => {
        const base = key.slice(0, -'.asks'.length);
        const [topic, name] = base.slice('questions.bank.'.length).split('.');
        return {
          id: `${topic}.${name}`,
          topic,
          title: content.text(`${base}.title`),
          answer: content.text(`${base}.answer`),
          asks: content.list(key),
          ...(content.has(`${base}.does`) ? { does: content.text(`${base}.does`) } : {}),
        };
      });
    this.byId = new Map(this.questions.map((q) => [q.id, q]));
    this.index = new MiniSearch<QuestionDocument>({
      fields: ['asks', 'answer'],
      tokenize: (text) => this.prepare(text).split(' '),
      processTerm: (term) => (term && !STOP_WORDS.has(term) ? stem(term) : null),
      searchOptions: {
        boost: { asks: 3, answer: 0.4 },
        // A typo of one letter in five ("withdrawl", "loperimide"); short words must be exact.
        fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
        prefix: (term) => term.length >= 6,
        combineWith: 'OR',
      },
    });
    const documents: QuestionDocument[] = [];
    for (const q of this.questions) {
      const wordings = [q.title, ...q.asks];
      for (const text of wordings) this.exact.set(this.prepare(text), q.id);
      documents.push({ id: q.id, asks: wordings.join(' . '), answer: q.answer });
      this.askWords.set(q.id, new Set(wordings.flatMap((w) => this.terms(w))));
      this.answerWords.set(q.id, new Set(this.terms(q.answer)));
    }
    this.index.addAll(documents);
  }

  get(id: string): BankQuestion {
    const question = this.byId.get(id);
    if (!question) throw new Error(`Unknown bank question: ${id}`);
    return question;
  }

  find(message: string): QuestionMatch {
    const whole = this.findIn(message);
    if (whole.kind === 'match' || this.terms(message).length <= LONG_MESSAGE_TERMS) return whole;
    // A long message tells a story first and asks at the end: its last sentence (or two) may be the question.
    const parts = message
      .split(/[.!?;\n]+|,\s+(?=(?:so|but|and|is|are|can|will|should|what|how|why|when|does|do)\b)/i)
      .map((part) => part.trim())
      .filter(Boolean);
    for (const tail of [parts.slice(-1), parts.slice(-2)]) {
      if (tail.length === 0 || tail.length === parts.length) continue;
      const found = this.findIn(tail.join(' '));
      if (found.kind === 'match') return found;
    }
    return whole;
  }

  private findIn(message: string): QuestionMatch {
    const prepared = this.prepare(message);
    const exact = this.exact.get(prepared);
    if (exact) return { kind: 'match', id: exact, score: 1, words: this.terms(message).length };
    const ranked = this.rank(message);
    const [top, second] = ranked;
    if (!top || top.coverage < RELATED_COVERAGE) return { kind: 'none' };
    if (
      top.coverage >= MATCH_COVERAGE &&
      (!second || top.coverage > second.coverage + COVERAGE_LEAD || top.score >= MATCH_LEAD * second.score)
    )
      return { kind: 'match', id: top.id, score: top.coverage, words: top.words };
    return { kind: 'unclear', ids: ranked.slice(0, OFFERED).map((r) => r.id), score: top.coverage };
  }

  /** Questions with their search score and the share of the message's words they use, best first. */
  rank(message: string): Array<{ id: string; score: number; coverage: number; words: number }> {
    const terms = this.terms(message);
    if (terms.length === 0) return [];
    // Typo tolerance costs a walk of the index per word: a long message is matched on exact words only.
    const options = terms.length > MAX_FUZZY_TERMS ? { fuzzy: false, prefix: false } : {};
    const fuzzy = terms.length <= MAX_FUZZY_TERMS;
    return (
      this.index
        .search(message, options)
        .map((hit) => {
          const id = hit.id as string;
          let found = 0;
          let words = 0;
          let asked = 0;
          for (const term of terms) {
            const weight = this.weightOf(term, id, fuzzy);
            found += weight;
            if (weight > 0) words++;
            if (weight > ANSWER_WORD) asked++;
          }
          // Words only the answer uses support a match but cannot make one: a question needs its own words.
          const coverage = asked === 0 ? 0 : found / terms.length;
          return { id, score: hit.score, coverage, words };
        })
        // Most of the message's words first; the search score orders questions that use as many.
        .sort((a, b) => b.coverage - a.coverage || b.score - a.score)
    );
  }

  /** How much one of the message's words counts towards a question: its own word, its answer's, or a typo of one. */
  private weightOf(term: string, id: string, fuzzy: boolean): number {
    const asks = this.askWords.get(id)!;
    if (asks.has(term)) return 1;
    const answer = this.answerWords.get(id)!;
    if (answer.has(term)) return ANSWER_WORD;
    if (!fuzzy || term.length < 5) return 0;
    const max = term.length >= 8 ? 2 : 1;
    for (const word of asks)
      if (Math.abs(word.length - term.length) <= max && editDistance(word, term, max) <= max) return TYPO_WORD;
    return 0;
  }

  /** True when a question's wordings use this (stemmed) word, so it is a word of the topic, not a typo. */
  knows(term: string): boolean {
    for (const words of this.askWords.values()) if (words.has(term)) return true;
    return false;
  }

  /** The message's searchable words, as the index sees them. */
  private terms(message: string): string[] {
    return [
      ...new Set(
        this.prepare(message)
          .split(' ')
          .filter((w) => w && !STOP_WORDS.has(w))
          .map(stem),
      ),
    ];
  }

  /** Lower case, no punctuation, "7-oh" as one word, synonyms replaced by the word the bank uses. */
  private prepare(text: string): string {
    let said = normalize(
      text.replace(/\b(?:7|seven)\s*-?\s*(?:oh|hydroxy[a-z]*)\b/gi, ' sevenoh ').replace(/[’']/g, ''),
    );
    for (const [pattern, canonical] of this.multiWordSynonyms) said = said.replace(pattern, canonical);
    return said
      .split(' ')
      .map((w) => this.wordSynonyms.get(w) ?? w)
      .join(' ');
  }
}
