import MiniSearch from 'minisearch';
import type { Content } from '../content/Content';
import { escapeRegExp, normalize } from './choices';
import { editDistance, stem } from './search';

/** Every request a person can make in their own words (content/<locale>/messages/intents.yaml). */
export const INTENT_IDS = [
  'intake',
  'program',
  'checkins',
  'checkInNow',
  'pauseCheckIns',
  'resumeCheckIns',
  'stopCheckIns',
  'progress',
  'privacy',
  'exportData',
  'deleteData',
  'support',
  'helpNow',
  'learn',
  'about',
  'help',
  'startOver',
  'greeting',
  'thanks',
  'goodbye',
] as const;
export type IntentId = (typeof INTENT_IDS)[number];

/** A command's own phrase list counts as examples of its intent, so the two never drift apart. */
const COMMAND_PHRASES: Partial<Record<IntentId, string[]>> = {
  help: ['help.commands.help'],
  startOver: ['help.commands.startOver'],
  privacy: ['privacy.commands.policy'],
  exportData: ['privacy.commands.export'],
  deleteData: ['privacy.commands.delete'],
  checkins: ['schedule.commands.on'],
  pauseCheckIns: ['schedule.commands.pause'],
  resumeCheckIns: ['schedule.commands.resume'],
  stopCheckIns: ['schedule.commands.stop'],
  checkInNow: ['schedule.commands.checkInNow'],
  progress: ['schedule.commands.progress'],
  program: ['program.commands.open', 'program.commands.where'],
  learn: ['explain.commands.menu'],
};

/** Filler that says nothing about which request it is. Negations stay ("can't sleep"). */
const FILLER = new Set(
  (
    'a an the and or of to in on at for with about from into is are was be been am im ive id i me my mine myself you your u ur ' +
    'we us our it its this that there please pls plz can could would will should want wanna need like just really so very ' +
    'do does did some any all now ok okay um uh hmm oh well hey yeah lol also too still maybe kinda sorta gonna let lets'
  ).split(' '),
);

/** How sure a match must be before it counts, and how close two intents must be to count as a tie. */
export const INTENT_THRESHOLD = 0.7;
const TIE_MARGIN = 0.06;
/** Content words past which a message is not read as a request. */
const MAX_REQUEST_WORDS = 12;

export type IntentMatch =
  /** cue: one of the intent's cue rules (content) named it. */
  /** pair: a cue rule of two or more groups named it (a verb and its object, "who + built"). */
  | { kind: 'intent'; id: IntentId; score: number; exact: boolean; cue?: boolean; phrase?: number; pair?: boolean }
  | { kind: 'tie'; ids: IntentId[]; score: number }
  | { kind: 'none'; best?: { id: IntentId; score: number } };

interface Phrase {
  intent: IntentId;
  words: string[];
  normalized: string;
  /** Character trigrams, worked out when first needed. */
  grams?: Set<string>;
}

/**
 * A cue rule from content (`cues.<intent>`): "delete|erase|forget + data|me|everything ! checkin" names
 * the intent when the message holds one word (or phrase) of every group and none after "!". "{n}" in a
 * phrase stands for a number ("day {n}"). "want to|need to ~ quit|stop" needs the second right after the first.
 */
interface CueRule {
  intent: IntentId;
  groups: Cue[][];
  without: Cue[];
  /** "^ thanks|thank you": a rule of one group that also counts when its cue opens or closes a longer message. */
  edge: boolean;
}
/** size: how many words the cue is. */
type Cue = ({ word: string; stemmed: string } | { pattern: RegExp }) & { size: number };

/** A cue rule of one group names a request only when the message is little more than the cue ("ok bye", not "my legs at night"). */
const ONE_CUE_EXTRA_WORDS = 3;
/** Scores given by the cue rules: a rule of one group, of two or more, plus a share of the best phrase or search score. */
const CUE_ONE_GROUP = 0.86;
const CUE_MORE_GROUPS = 0.93;
const CUE_SUPPORT = 0.08;
/** The ranked search over all of an intent's phrases counts, loosely, when it finds most of the message's words. */
const SEARCH_BASE = 0.4;
const SEARCH_SPAN = 0.35;
const SEARCH_LEAD = 1.25;

/** The words of a message as the cue rules and the search see them. */
interface MessageView {
  /** Normalized, check-ins joined, padded with spaces. */
  text: string;
  /** Raw words, their stems, and the canonical word of each synonym. */
  tokens: Set<string>;
  /** Content words (filler dropped), stemmed and corrected. */
  words: string[];
  /** How many words the message has, filler included. */
  size: number;
}

/** The spelling fallback: short messages only, this close to a phrase, and this far ahead of other intents. */
const MAX_NGRAM_WORDS = 6;
const NGRAM_THRESHOLD = 0.6;
const NGRAM_LEAD = 0.1;

function trigrams(text: string): Set<string> {
  const padded = `  ${text.replace(/\s+/g, ' ')} `;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return grams;
}

function dice(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const g of a) if (b.has(g)) shared++;
  return (2 * shared) / (a.size + b.size || 1);
}

/**
 * Wordings a feature recognizes with its own rules (the program's "start week 3"), handed in by the
 * composition root so that language understanding does not import the features above it.
 */
export interface IntentMatcherOptions {
  featurePatterns?: ReadonlyArray<{ id: IntentId; matches(text: string): boolean }>;
  /** Words known elsewhere (the question bank's), never taken for a typo of a phrase's word ("leaf" is not "leave"). */
  knownWords?: (word: string) => boolean;
}

/**
 * Matches a message to the request it makes: an exact phrase first, then the phrase sharing most of
 * its words (after synonyms, light stemming and typo correction against the phrases' own words).
 * Plain code over content's phrase lists, so it is the same on every run and easy to extend.
 */
export class IntentMatcher {
  private readonly phrases: Phrase[] = [];
  private readonly exact = new Map<string, Set<IntentId>>();
  private readonly vocabulary = new Set<string>();
  private readonly multiWordSynonyms: Array<[RegExp, string]> = [];
  private readonly wordSynonyms = new Map<string, string>();
  /** Typo corrections already worked out (people repeat their typos). */
  private readonly corrections = new Map<string, string>();
  private readonly cues: CueRule[] = [];
  /** One search document per intent (all its phrases), ranked BM25-style; and each intent's words. */
  private readonly index: MiniSearch<{ id: IntentId; phrases: string }>;
  private readonly intentWords = new Map<IntentId, Set<string>>();

  constructor(
    private readonly content: Content,
    private readonly options: IntentMatcherOptions = {},
  ) {
    for (const key of content.listKeys('intents.synonyms.')) {
      const canonical = key.slice('intents.synonyms.'.length);
      for (const variant of content.list(key).map(normalize)) {
        if (variant.includes(' '))
          this.multiWordSynonyms.push([new RegExp(`\\b${escapeRegExp(variant)}\\b`, 'g'), canonical]);
        else this.wordSynonyms.set(variant, canonical);
      }
    }
    this.multiWordSynonyms.sort((a, b) => b[0].source.length - a[0].source.length);
    for (const intent of INTENT_IDS) {
      const keys = [`intents.phrases.${intent}`, ...(COMMAND_PHRASES[intent] ?? [])].filter((k) => content.has(k));
      for (const phrase of keys.flatMap((k) => content.list(k))) {
        const normalized = normalize(phrase.replace(/['’]/g, ''));
        const words = this.words(normalized);
        if (!this.exact.has(normalized)) this.exact.set(normalized, new Set());
        this.exact.get(normalized)!.add(intent);
        if (words.length === 0) continue;
        words.forEach((w) => this.vocabulary.add(w));
        this.phrases.push({ intent, words, normalized });
      }
    }
    for (const intent of INTENT_IDS) {
      const key = `intents.cues.${intent}`;
      if (content.has(key)) for (const rule of content.list(key)) this.cues.push(parseCue(intent, rule));
    }
    this.index = new MiniSearch<{ id: IntentId; phrases: string }>({
      fields: ['phrases'],
      // Phrases are indexed as the matcher already reads them: synonyms joined, filler gone, stemmed.
      tokenize: (text) => text.split(' '),
      processTerm: (term) => term || null,
      searchOptions: {
        fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
        prefix: (term) => term.length >= 6,
        combineWith: 'OR',
      },
    });
    for (const intent of INTENT_IDS) {
      const words = this.phrases.filter((p) => p.intent === intent).flatMap((p) => p.words);
      this.intentWords.set(intent, new Set(words));
      if (words.length) this.index.add({ id: intent, phrases: words.join(' ') });
    }
  }

  match(text: string): IntentMatch {
    const said = normalize(text.replace(/['’]/g, ''));
    if (!said) return { kind: 'none' };
    // Patterns a feature owns ("start week 3", "go back to week two": the program's week patterns) name their intent for sure.
    const owned = this.options.featurePatterns?.find((pattern) => pattern.matches(text));
    if (owned) return { kind: 'intent', id: owned.id, score: 1, exact: true };
    const exact = this.exact.get(said);
    if (exact && exact.size === 1) return { kind: 'intent', id: [...exact][0], score: 1, exact: true };
    if (exact && exact.size > 1) return { kind: 'tie', ids: [...exact], score: 1 };
    const plain = this.words(said);
    if (plain.length === 0) return { kind: 'none' };
    // A request is a few words; a long message is something else (an answer, a story, a question),
    // unless its first sentence is the request ("Could you help me make a plan? I've used it for years.").
    if (plain.length > MAX_REQUEST_WORDS) {
      // Not when it ends by asking: then the story comes first and the question last.
      const first = text.split(/(?<=[.?!])\s+/)[0];
      return first.length < text.length && !text.trim().endsWith('?') ? this.match(first) : { kind: 'none' };
    }
    const view = this.view(said, plain);
    const scores = new Map<IntentId, { score: number; cue: boolean; pair: boolean }>();
    const raise = (id: IntentId, score: number, cue = false, pair = false) => {
      const known = scores.get(id);
      if (!known || score > known.score)
        scores.set(id, { score, cue: cue || (known?.cue ?? false), pair: pair || (known?.pair ?? false) });
      else {
        known.cue ||= cue;
        known.pair ||= pair;
      }
    };
    // 1. The phrase sharing most of its words with the message (memorized wordings).
    const phraseScore = new Map<IntentId, number>();
    for (const phrase of this.phrases) {
      const score = overlapScore(phrase.words, view.words);
      if (score > (phraseScore.get(phrase.intent) ?? 0)) phraseScore.set(phrase.intent, score);
    }
    for (const [id, score] of phraseScore) raise(id, score);
    // 2. A ranked search over each intent's phrases together: new wordings that borrow words from several phrases.
    const searched = this.search(view);
    for (const [id, score] of searched) raise(id, score);
    // 3. The cue rules: an intent's key words (a verb and its object), so wordings no phrase has still count.
    for (const [id, groups] of this.cueHits(view)) {
      const support = Math.max(phraseScore.get(id) ?? 0, searched.get(id) ?? 0);
      raise(id, (groups > 1 ? CUE_MORE_GROUPS : CUE_ONE_GROUP) + CUE_SUPPORT * support, true, groups > 1);
    }
    const ranked = [...scores.entries()].sort((a, b) => b[1].score - a[1].score);
    const [top] = ranked;
    if (!top || top[1].score < INTENT_THRESHOLD) {
      const near = plain.length <= MAX_NGRAM_WORDS ? this.nearestBySpelling(said) : undefined;
      if (near) return { kind: 'intent', id: near.id, score: near.score, exact: false };
      return { kind: 'none', ...(top ? { best: { id: top[0], score: top[1].score } } : {}) };
    }
    // A clear winner routes; a near tie asks which one.
    const close = ranked.filter(([, s]) => s.score >= INTENT_THRESHOLD && top[1].score - s.score < TIE_MARGIN);
    if (close.length > 1) return { kind: 'tie', ids: close.slice(0, 3).map(([id]) => id), score: top[1].score };
    return {
      kind: 'intent',
      id: top[0],
      score: Math.min(top[1].score, 0.99),
      exact: false,
      cue: top[1].cue,
      pair: top[1].pair,
      phrase: phraseScore.get(top[0]) ?? 0,
    };
  }

  /** The message as the cue rules see it. */
  private view(said: string, plain: string[]): MessageView {
    const words = this.correct(plain);
    const text = ` ${said.replace(/\bcheck[\s-]?ins?\b/g, 'checkin')} `;
    const tokens = new Set<string>();
    for (const word of text.trim().split(' ')) {
      tokens.add(word);
      tokens.add(stem(word));
      const canonical = this.wordSynonyms.get(word);
      if (canonical) tokens.add(canonical);
    }
    let joined = text;
    for (const [pattern, canonical] of this.multiWordSynonyms) joined = joined.replace(pattern, canonical);
    for (const word of joined.trim().split(' ')) tokens.add(word);
    // A typo correction counts for cues only from a long word: "plain" must not become "plan".
    words.forEach((w, i) => (w === plain[i] || plain[i].length >= 6) && tokens.add(w));
    return { text, tokens, words, size: text.trim().split(' ').length };
  }

  /** Intents named by a cue rule, with the most groups any of its rules matched. */
  private cueHits(view: MessageView): Map<IntentId, number> {
    const hits = new Map<IntentId, number>();
    const has = (cue: Cue) =>
      'word' in cue ? view.tokens.has(cue.word) || view.tokens.has(cue.stemmed) : cue.pattern.test(view.text);
    for (const rule of this.cues) {
      if (rule.groups.length === 1) {
        const found = rule.groups[0].filter(has);
        if (found.length === 0) continue;
        const short = view.size - Math.max(...found.map((c) => c.size)) <= ONE_CUE_EXTRA_WORDS;
        // "Thank you kindly for your patience", "I must be going now. Good night": the social words frame the message.
        if (!short && !(rule.edge && found.some((c) => atEdge(c, view.text)))) continue;
      }
      if (!rule.groups.every((group) => group.some(has)) || rule.without.some(has)) continue;
      hits.set(rule.intent, Math.max(hits.get(rule.intent) ?? 0, rule.groups.length));
    }
    return hits;
  }

  /**
   * MiniSearch ranks the intents (BM25 over all of an intent's phrases, typo-tolerant). The top intent
   * counts, loosely, when it has a clear lead and its phrases use most of the message's words.
   */
  private search(view: MessageView): Map<IntentId, number> {
    const found = new Map<IntentId, number>();
    // One word is too little to rank on ("tolerance??" is a question, not the explainer).
    if (view.words.length < 2) return found;
    const hits = this.index.search(view.words.join(' '));
    const [top, second] = hits;
    if (!top || (second && top.score < SEARCH_LEAD * second.score)) return found;
    const vocabulary = this.intentWords.get(top.id as IntentId)!;
    const coverage = view.words.filter((w) => vocabulary.has(w)).length / view.words.length;
    found.set(top.id as IntentId, SEARCH_BASE + SEARCH_SPAN * coverage);
    return found;
  }

  /**
   * The fallback when no phrase shares enough words: the phrase closest in letters (character trigrams,
   * Dice), for short messages with run-together words or typos the word match misses ("chekin pls").
   * Needs a clear lead over the closest phrase of any other intent.
   */
  private nearestBySpelling(said: string): { id: IntentId; score: number } | undefined {
    const grams = trigrams(said);
    const best = new Map<IntentId, number>();
    for (const phrase of this.phrases) {
      const score = dice(grams, (phrase.grams ??= trigrams(phrase.normalized)));
      if (score > (best.get(phrase.intent) ?? 0)) best.set(phrase.intent, score);
    }
    const [top, second] = [...best.entries()].sort((a, b) => b[1] - a[1]);
    if (!top || top[1] < NGRAM_THRESHOLD || (second && top[1] - second[1] < NGRAM_LEAD)) return undefined;
    return { id: top[0], score: top[1] };
  }

  /** The button label of an intent, for "which one did you mean?". */
  label(id: IntentId): string {
    return this.content.text(`intents.labels.${id}`);
  }

  /** Content words of a normalized message: synonyms joined, filler dropped, stemmed. */
  private words(normalized: string): string[] {
    let text = normalized.replace(/\bcheck[\s-]?ins?\b/g, 'checkin');
    for (const [pattern, canonical] of this.multiWordSynonyms) text = text.replace(pattern, canonical);
    return [
      ...new Set(
        text
          .split(' ')
          .map((w) => w.replace(/'/g, ''))
          .filter((w) => w && !FILLER.has(w) && !/^\d+$/.test(w))
          .map((w) => this.wordSynonyms.get(w) ?? w)
          .map(stem),
      ),
    ];
  }

  /** A word the phrases never use is swapped for the nearest one they do ("chek" -> "check"), when close. */
  private correct(words: string[]): string[] {
    return words.map((word) => {
      if (this.vocabulary.has(word) || word.length < 4 || this.options.knownWords?.(word)) return word;
      const known = this.corrections.get(word);
      if (known !== undefined) return known;
      const nearest = this.nearest(word);
      if (this.corrections.size > 5000) this.corrections.clear();
      this.corrections.set(word, nearest);
      return nearest;
    });
  }

  private nearest(word: string): string {
    {
      const max = word.length >= 7 ? 2 : 1;
      let nearest = word;
      let best = max + 1;
      // Typos rarely hit the first letter; comparing only words that start alike keeps this cheap.
      for (const candidate of this.vocabulary) {
        if (candidate.length < 3 || candidate[0] !== word[0] || Math.abs(candidate.length - word.length) > max)
          continue;
        const distance = editDistance(word, candidate, max);
        if (distance < best) {
          best = distance;
          nearest = candidate;
        }
      }
      return nearest;
    }
  }
}

/** Share of the phrase found in the message, lowered by the share of the message the phrase leaves unexplained. */
function overlapScore(phrase: string[], message: string[]): number {
  const found = phrase.filter((w) => message.includes(w)).length;
  if (found === 0) return 0;
  return (found / phrase.length) * Math.sqrt(found / message.length);
}

/** True when the cue is the first or the last words of the message. */
function atEdge(cue: Cue, text: string): boolean {
  const words = text.trim().split(' ');
  const first = ` ${words.slice(0, cue.size).join(' ')} `;
  const last = ` ${words.slice(-cue.size).join(' ')} `;
  if ('pattern' in cue) return cue.pattern.test(first) || cue.pattern.test(last);
  return [first, last].some((w) => w.trim() === cue.word || stem(w.trim()) === cue.stemmed);
}

function parseCue(intent: IntentId, text: string): CueRule {
  const edge = text.trim().startsWith('^');
  const rule = edge ? text.trim().slice(1) : text;
  const [positive, ...negative] = rule.split('!');
  const cue = (alternative: string): Cue => {
    const said = normalize(alternative.replace(/['’]/g, '').replace(/\{n\}/g, ' 0 ')).replace(/\b0\b/g, '#');
    const joined = said.replace(/\bcheck[\s-]?ins?\b/g, 'checkin');
    const size = joined.split(' ').length;
    if (!joined.includes(' ') && !joined.includes('#')) return { word: joined, stemmed: stem(joined), size };
    return { pattern: new RegExp(` ${escapeRegExp(joined).replace(/#/g, '\\d+')} `), size };
  };
  const group = (text: string) =>
    text
      .split('|')
      .map((a) => a.trim())
      .filter(Boolean)
      .map(cue);
  // "a|b ~ c|d": a word of the second group comes right after one of the first, at most two words later
  // ("want to quit", "want to really stop"), not anywhere in the message ("I want to know... before he stops").
  const near = (part: string): Cue[] => {
    const [left, right] = part.split('~').map((side) =>
      side
        .split('|')
        .map((a) => escapeRegExp(normalize(a.replace(/['’]/g, ''))))
        .filter(Boolean),
    );
    return [{ pattern: new RegExp(` (?:${left.join('|')})(?: \\S+){0,2} (?:${right.join('|')})\\S* `), size: 2 }];
  };
  return {
    intent,
    groups: positive
      .split('+')
      .map((part) => (part.includes('~') ? near(part) : group(part)))
      .filter((g) => g.length > 0),
    without: negative.flatMap(group),
    edge,
  };
}
