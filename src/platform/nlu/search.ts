/**
 * A small local ranked search: Okapi BM25 over weighted fields, with light English stemming and
 * typo tolerance (a query word that is not in the index matches index words one or two edits away).
 * No network, no model; the index is built once at start.
 */

const STOP_WORDS = new Set(
  (
    'a an the and or but if so of to in on at by for from with about as into than then there this that these those ' +
    'i me my mine im ive id you your youre we our us they them their it its is are was were be been being am ' +
    'do does did doing done have has had having will would can could should shall may might must ' +
    'what why how when where who whom which whats hows whys ' +
    'not no yes just really very much many some any all also too only still even again ' +
    'get gets got getting go goes going make makes made thing things something anything ' +
    'please tell know want like say said hi hello hey ok okay thanks thank last off'
  ).split(' '),
);

/** Lower-cases, joins known multi-part names ("7-OH", "10 x") into one word, and splits into words. */
export function tokenize(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/\b(?:7|seven)\s*-?\s*(?:oh|hydroxy[a-z]*)\b/g, ' 7oh ')
    .replace(/\b(\d+)\s*x\b/g, ' $1x ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** A deliberately light stemmer: enough to match "strains"/"strain", "switching"/"switch", "rotation"/"rotate". */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith('ation') && w.length > 7) w = w.slice(0, -3);
  else if (w.endsWith('ion') && w.length > 6) w = w.slice(0, -3);
  else if (w.endsWith('er') && w.length > 5) w = w.slice(0, -2);
  else if (w.endsWith('ly') && w.length > 5) w = w.slice(0, -2);
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  if (/([b-df-hj-np-tv-z])\1$/.test(w) && !/(ll|ss)$/.test(w)) w = w.slice(0, -1); // "stopp" -> "stop"
  return w;
}

/** Words that carry meaning, stemmed. */
export function terms(text: string): string[] {
  return tokenize(text)
    .filter((word) => !STOP_WORDS.has(word))
    .map(stem);
}

/** Optimal string alignment distance (Levenshtein plus swapped neighbours), stopping early past max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, previous2[j - 2] + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[b.length];
}

export interface SearchField {
  text: string;
  /** How much a word in this field counts (a title word counts more than a body word). */
  weight: number;
}

/** Weighted count at which a document is about a word: a word in a main field, or a body word used often. */
const ABOUT_THRESHOLD = 1;
/** How much a passing mention counts towards a word's document frequency. */
const MENTION_SHARE = 0.25;

export interface SearchDocument {
  id: string;
  fields: SearchField[];
}

export interface SearchHit {
  id: string;
  score: number;
  /** True when some query word is one this document is about (not only a passing mention). */
  about: boolean;
}

const K1 = 1.2;
const B = 0.75;
/** A typo match counts this much of an exact match. */
const FUZZY_WEIGHT = 0.7;
/** Shorter words are not typo-matched: "game" is one letter from "same". */
const MIN_FUZZY_LENGTH = 5;

export class RankedSearch {
  private readonly docs: Array<{ id: string; tf: Map<string, number>; length: number }>;
  private readonly documentFrequency = new Map<string, number>();
  /** Every indexed word as written (lower case) and its stem, for typo matching on the unstemmed form. */
  private readonly rawWords = new Map<string, string>();
  private readonly averageLength: number;

  constructor(documents: SearchDocument[]) {
    this.docs = documents.map((doc) => {
      const tf = new Map<string, number>();
      let length = 0;
      for (const field of doc.fields) {
        for (const word of tokenize(field.text).filter((w) => !STOP_WORDS.has(w))) {
          const term = stem(word);
          this.rawWords.set(word, term);
          tf.set(term, (tf.get(term) ?? 0) + field.weight);
          length += field.weight;
        }
      }
      return { id: doc.id, tf, length };
    });
    for (const doc of this.docs) {
      // A passing mention makes a word less telling, but much less than a document that is about it.
      for (const [term, count] of doc.tf)
        this.documentFrequency.set(
          term,
          (this.documentFrequency.get(term) ?? 0) + (count >= ABOUT_THRESHOLD ? 1 : MENTION_SHARE),
        );
    }
    this.averageLength = this.docs.reduce((sum, d) => sum + d.length, 0) / Math.max(1, this.docs.length);
  }

  /** Hits with a score above zero, best first. */
  search(query: string): SearchHit[] {
    const weighted = this.expand(query);
    const hits: SearchHit[] = [];
    for (const doc of this.docs) {
      let score = 0;
      let about = false;
      for (const [term, weight] of weighted) {
        const tf = doc.tf.get(term);
        if (!tf) continue;
        about ||= tf >= ABOUT_THRESHOLD;
        const norm = tf + K1 * (1 - B + (B * doc.length) / this.averageLength);
        score += weight * this.idf(term) * ((tf * (K1 + 1)) / norm);
      }
      if (score > 0) hits.push({ id: doc.id, score, about });
    }
    return hits.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  }

  /** Query words found in the index, plus the nearest indexed words (by spelling) for the ones that are not. */
  private expand(query: string): Map<string, number> {
    const weighted = new Map<string, number>();
    const add = (term: string, weight: number) => weighted.set(term, Math.max(weighted.get(term) ?? 0, weight));
    for (const word of tokenize(query).filter((w) => !STOP_WORDS.has(w))) {
      const term = stem(word);
      if (this.rawWords.has(word) || this.hasTerm(term)) {
        add(term, 1);
        continue;
      }
      if (word.length < MIN_FUZZY_LENGTH || /\d/.test(word)) continue;
      const max = word.length >= 8 ? 2 : 1;
      let best = max + 1;
      let nearest: string[] = [];
      for (const [candidate, candidateTerm] of this.rawWords) {
        const distance = editDistance(word, candidate, max);
        if (distance < best) {
          best = distance;
          nearest = [candidateTerm];
        } else if (distance === best) nearest.push(candidateTerm);
      }
      if (best <= max) nearest.forEach((candidate) => add(candidate, FUZZY_WEIGHT));
    }
    return weighted;
  }

  private hasTerm(term: string): boolean {
    return this.documentFrequency.has(term);
  }

  private idf(term: string): number {
    const n = this.documentFrequency.get(term) ?? 0;
    return Math.log(1 + (this.docs.length - n + 0.5) / (n + 0.5));
  }
}
