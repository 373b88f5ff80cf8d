import MODEL_FILE from './classifierModel.json';

/**
 * The statistical layer: two small logistic regressions over character 3-5-grams and word uni- and
 * bigrams of the normalized message (normalize.ts). One scores "thoughts of suicide or self-harm", the
 * other "a medical emergency now". Weights are trained on tests/safety/corpus/dev.tsv only by
 * `npm run safety:train` (tests/safety/train.ts) and committed in classifierModel.json; `-- --check`
 * verifies that the committed file is exactly what training produces.
 *
 * At run time it is a pure sum of weights: deterministic, no I/O. It can only RAISE: detect.ts consults
 * it when the rules did not already give that answer, and never lowers a rule result. What fired is
 * recorded as feature ids (their index in the model file), never as text.
 */

export interface HeadModel {
  bias: number;
  /** Score above which the head raises (a probability; chosen by cross-validation on dev). */
  threshold: number;
}

export interface ClassifierModel {
  version: string;
  /** Feature strings: "c:" character n-gram, "w:" word, "b:" word bigram. */
  features: string[];
  /** weights[i] = [selfRisk, emergency] for features[i], both scaled by 1000 and rounded. */
  weights: Array<[number, number]>;
  selfRisk: HeadModel;
  emergency: HeadModel;
}

export const HEADS = ['selfRisk', 'emergency'] as const;
export type Head = (typeof HEADS)[number];

/** Only the start of a long message is read: a crisis is said early, and the cost stays bounded. */
export const MAX_CHARS = 300;
const MIN_N = 3;
const MAX_N = 5;

/**
 * Every feature of a normalized message, each once. Calls `visit` instead of building an array, so
 * the run-time path allocates only the n-gram strings.
 */
export function visitFeatures(clauses: readonly string[], visit: (feature: string) => void): void {
  let budget = MAX_CHARS;
  for (const raw of clauses) {
    if (budget <= 0) break;
    const clause = raw.length > budget ? raw.slice(0, budget) : raw;
    budget -= clause.length + 1;
    const padded = ` ${clause} `;
    for (let n = MIN_N; n <= MAX_N; n++)
      for (let i = 0; i + n <= padded.length; i++) visit(`c:${padded.slice(i, i + n)}`);
    const words = clause.split(' ');
    for (let i = 0; i < words.length; i++) {
      visit(`w:${words[i]}`);
      if (i + 1 < words.length) visit(`b:${words[i]} ${words[i + 1]}`);
    }
  }
}

/** The distinct features of a message (used by training). */
export function featureSet(clauses: readonly string[]): Set<string> {
  const set = new Set<string>();
  visitFeatures(clauses, (f) => set.add(f));
  return set;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export interface HeadScore {
  head: Head;
  probability: number;
  raised: boolean;
  /** Ids of the features that pushed the score up most (at most 3), strongest first. */
  top: number[];
}

/** Largest trigram table the classifier builds (symbols ** 3 entries); a model over more characters is refused. */
const MAX_TRIGRAM_TABLE = 1 << 21;

export class Classifier {
  /**
   * Character n-grams by number, so no n-gram string is cut per position (the run-time cost): every
   * character some feature holds gets a symbol 1..K (0: in no feature), and an n-gram is its symbols read
   * as a number in base K + 1. 3-grams index a typed array; 4- and 5-grams sit in maps and are looked up
   * only after a 3-gram that starts one. Words and bigrams are looked up by their words.
   */
  private readonly symbols = new Uint16Array(65536);
  private readonly base: number;
  private readonly trigrams: Int32Array;
  /** 1 where a 3-gram starts some 4- or 5-gram feature. */
  private readonly stems: Uint8Array;
  private readonly fourGrams = new Map<number, number>();
  private readonly fiveGrams = new Map<number, number>();
  private readonly words = new Map<string, number>();
  private readonly bigrams = new Map<string, Map<string, number>>();
  constructor(readonly model: ClassifierModel) {
    if (MIN_N !== 3 || MAX_N !== 5) throw new Error('the n-gram lookup is written for 3- to 5-grams');
    let symbolCount = 0;
    for (const f of model.features) {
      if (!f.startsWith('c:')) continue;
      for (let k = 2; k < f.length; k++)
        if (this.symbols[f.charCodeAt(k)] === 0) this.symbols[f.charCodeAt(k)] = ++symbolCount;
    }
    this.base = symbolCount + 1;
    if (this.base ** 3 > MAX_TRIGRAM_TABLE) throw new Error(`too many characters in the model (${symbolCount})`);
    this.trigrams = new Int32Array(this.base ** 3).fill(-1);
    this.stems = new Uint8Array(this.base ** 3);
    model.features.forEach((f, i) => {
      const body = f.slice(2);
      if (f.startsWith('c:')) {
        let code = 0;
        for (let k = 0; k < body.length; k++) code = code * this.base + this.symbols[body.charCodeAt(k)];
        if (body.length === 3) this.trigrams[code] = i;
        else {
          this.stems[Math.floor(code / this.base ** (body.length - 3))] = 1;
          (body.length === 4 ? this.fourGrams : this.fiveGrams).set(code, i);
        }
      } else if (f.startsWith('w:')) this.words.set(body, i);
      else {
        const space = body.indexOf(' ');
        const first = body.slice(0, space);
        let second = this.bigrams.get(first);
        if (!second) this.bigrams.set(first, (second = new Map<string, number>()));
        second.set(body.slice(space + 1), i);
      }
    });
  }

  /** The model's features in a normalized message: the same set, in the same order, as visitFeatures gives. */
  private present(clauses: readonly string[]): Set<number> {
    const seen = new Set<number>();
    const { symbols, base, trigrams, stems } = this;
    let budget = MAX_CHARS;
    for (const raw of clauses) {
      if (budget <= 0) break;
      const clause = raw.length > budget ? raw.slice(0, budget) : raw;
      budget -= clause.length + 1;
      const padded = ` ${clause} `;
      const end = padded.length;
      for (let i = 0; i + 3 <= end; i++) {
        const a = symbols[padded.charCodeAt(i)];
        const b = symbols[padded.charCodeAt(i + 1)];
        const c = symbols[padded.charCodeAt(i + 2)];
        if (a === 0 || b === 0 || c === 0) continue; // a character no feature holds: no n-gram from here
        const code3 = (a * base + b) * base + c;
        if (trigrams[code3] >= 0) seen.add(trigrams[code3]);
        if (stems[code3] === 0 || i + 4 > end) continue;
        const d = symbols[padded.charCodeAt(i + 3)];
        if (d === 0) continue;
        const code4 = code3 * base + d;
        const four = this.fourGrams.get(code4);
        if (four !== undefined) seen.add(four);
        if (i + 5 > end) continue;
        const e = symbols[padded.charCodeAt(i + 4)];
        const five = e === 0 ? undefined : this.fiveGrams.get(code4 * base + e);
        if (five !== undefined) seen.add(five);
      }
      const words = clause.split(' ');
      for (let i = 0; i < words.length; i++) {
        const word = this.words.get(words[i]);
        if (word !== undefined) seen.add(word);
        if (i + 1 < words.length) {
          const bigram = this.bigrams.get(words[i])?.get(words[i + 1]);
          if (bigram !== undefined) seen.add(bigram);
        }
      }
    }
    return seen;
  }

  /** Both heads' scores for a normalized message. */
  score(clauses: readonly string[]): Record<Head, HeadScore> {
    const seen = this.present(clauses);
    const result = {} as Record<Head, HeadScore>;
    HEADS.forEach((head, h) => {
      let z = this.model[head].bias;
      // The three strongest positive features (by weight, then lower id), kept as they come: no sort.
      const top: Array<[number, number]> = [];
      for (const i of seen) {
        const w = this.model.weights[i][h] / 1000;
        z += w;
        if (w <= 0) continue;
        let at = top.length;
        while (at > 0 && (w > top[at - 1][1] || (w === top[at - 1][1] && i < top[at - 1][0]))) at--;
        if (at < 3) {
          top.splice(at, 0, [i, w]);
          if (top.length > 3) top.pop();
        }
      }
      const probability = sigmoid(z);
      result[head] = {
        head,
        probability,
        raised: probability >= this.model[head].threshold,
        top: top.map(([i]) => i),
      };
    });
    return result;
  }
}

/** The committed file: one [feature, selfRisk weight, emergency weight] row per feature. */
export interface ClassifierFile {
  version: string;
  selfRisk: HeadModel;
  emergency: HeadModel;
  table: Array<[string, number, number]>;
}

export function fromFile(file: ClassifierFile): ClassifierModel {
  return {
    version: file.version,
    selfRisk: file.selfRisk,
    emergency: file.emergency,
    features: file.table.map((row) => row[0]),
    weights: file.table.map((row) => [row[1], row[2]]),
  };
}

export const CLASSIFIER = new Classifier(fromFile(MODEL_FILE as unknown as ClassifierFile));
export const CLASSIFIER_VERSION = CLASSIFIER.model.version;
