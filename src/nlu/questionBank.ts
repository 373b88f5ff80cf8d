import MiniSearch from 'minisearch';
import type { Content } from '../content/Content';
import { normalize } from './choices';
import { stem } from './search';

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

/** A match needs this share of the message's words found in one wording, and this lead over the next question. */
const MATCH_COVERAGE = 0.5;
const MATCH_LEAD = 1.15;
/** Below this share the message is not about anything in the bank. */
const RELATED_COVERAGE = 0.34;
/** How many questions "did you mean" offers. */
export const OFFERED = 2;
/** Messages with more words than this are matched without typo tolerance. */
const MAX_FUZZY_TERMS = 12;

interface Wording {
  id: number;
  question: string;
  text: string;
}

/**
 * Finds the bank question a message asks. MiniSearch ranks the wordings (BM25, typo-tolerant by edit
 * distance, in-memory, no native parts, maintained); this class adds the synonyms from content and the
 * rules for "sure", "one of these two" and "not something I know".
 */
export class QuestionBank {
  readonly questions: readonly BankQuestion[];
  private readonly byId: Map<string, BankQuestion>;
  private readonly exact = new Map<string, string>();
  private readonly index: MiniSearch<Wording>;
  private readonly multiWordSynonyms: Array<[RegExp, string]> = [];
  private readonly wordSynonyms = new Map<string, string>();

  constructor(content: Content) {
    for (const key of content.listKeys('questions.synonyms.')) {
      const canonical = key.slice('questions.synonyms.'.length).toLowerCase();
      for (const variant of content.list(key).map(normalize)) {
        if (variant.includes(' '))
          this.multiWordSynonyms.push([new RegExp(`\\b${escape(variant)}\\b`, 'g'), canonical]);
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
        };
      });
    this.byId = new Map(this.questions.map((q) => [q.id, q]));
    this.index = new MiniSearch<Wording>({
      fields: ['text'],
      storeFields: ['question'],
      tokenize: (text) => this.prepare(text).split(' '),
      processTerm: (term) => (term && !STOP_WORDS.has(term) ? stem(term) : null),
      searchOptions: {
        // A typo of one letter in five ("withdrawl", "loperimide"); short words must be exact.
        fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
        prefix: (term) => term.length >= 6,
        combineWith: 'OR',
      },
    });
    let id = 0;
    const wordings: Wording[] = [];
    for (const q of this.questions) {
      for (const text of [q.title, ...q.asks]) {
        wordings.push({ id: id++, question: q.id, text });
        this.exact.set(this.prepare(text), q.id);
      }
    }
    this.index.addAll(wordings);
  }

  get(id: string): BankQuestion {
    const question = this.byId.get(id);
    if (!question) throw new Error(`Unknown bank question: ${id}`);
    return question;
  }

  find(message: string): QuestionMatch {
    const prepared = this.prepare(message);
    const exact = this.exact.get(prepared);
    if (exact) return { kind: 'match', id: exact, score: 1, words: this.terms(message).length };
    const ranked = this.rank(message);
    const [top, second] = ranked;
    if (!top || top.coverage < RELATED_COVERAGE) return { kind: 'none' };
    if (top.coverage >= MATCH_COVERAGE && (!second || top.score >= MATCH_LEAD * second.score))
      return { kind: 'match', id: top.id, score: top.coverage, words: top.words };
    return { kind: 'unclear', ids: ranked.slice(0, OFFERED).map((r) => r.id), score: top.coverage };
  }

  /** Questions with their best wording's score and the share of the message's words it found, best first. */
  rank(message: string): Array<{ id: string; score: number; coverage: number; words: number }> {
    const terms = this.terms(message);
    if (terms.length === 0) return [];
    const best = new Map<string, { score: number; coverage: number; words: number }>();
    // Typo tolerance costs a walk of the index per word: a long message is matched on exact words only.
    const options = terms.length > MAX_FUZZY_TERMS ? { fuzzy: false, prefix: false } : {};
    for (const hit of this.index.search(message, options)) {
      const question = hit.question as string;
      const words = new Set(hit.queryTerms).size;
      const coverage = words / terms.length;
      const seen = best.get(question);
      if (!seen || hit.score > seen.score)
        best.set(question, {
          score: hit.score,
          coverage: Math.max(coverage, seen?.coverage ?? 0),
          words: Math.max(words, seen?.words ?? 0),
        });
      else {
        seen.coverage = Math.max(seen.coverage, coverage);
        seen.words = Math.max(seen.words, words);
      }
    }
    return [...best.entries()].map(([id, v]) => ({ id, ...v })).sort((a, b) => b.score - a.score);
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

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
