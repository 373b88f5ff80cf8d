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

/** A node of the character n-gram trie: the feature id of the n-gram that ends here (-1: none), and what follows. */
interface CharNode {
  id: number;
  next?: Map<number, CharNode>;
}

export class Classifier {
  /**
   * Character n-grams as a trie over char codes, words and bigrams by their words: the lookups walk the
   * message's characters and words without building an n-gram string per position (the run-time cost).
   */
  private readonly chars: CharNode = { id: -1 };
  private readonly words = new Map<string, number>();
  private readonly bigrams = new Map<string, Map<string, number>>();
  constructor(readonly model: ClassifierModel) {
    model.features.forEach((f, i) => {
      const body = f.slice(2);
      if (f.startsWith('c:')) {
        let node = this.chars;
        for (let k = 0; k < body.length; k++) {
          node.next ??= new Map<number, CharNode>();
          const code = body.charCodeAt(k);
          let child = node.next.get(code);
          if (!child) node.next.set(code, (child = { id: -1 }));
          node = child;
        }
        node.id = i;
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
    let budget = MAX_CHARS;
    for (const raw of clauses) {
      if (budget <= 0) break;
      const clause = raw.length > budget ? raw.slice(0, budget) : raw;
      budget -= clause.length + 1;
      const padded = ` ${clause} `;
      // From each position, follow the trie for as long as some feature continues: its 3-, 4- and 5-grams.
      for (let i = 0; i + MIN_N <= padded.length; i++) {
        let node: CharNode | undefined = this.chars;
        for (let n = 1; n <= MAX_N && i + n <= padded.length; n++) {
          node = node.next?.get(padded.charCodeAt(i + n - 1));
          if (!node) break;
          if (n >= MIN_N && node.id >= 0) seen.add(node.id);
        }
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
      const contributions: Array<[number, number]> = [];
      for (const i of seen) {
        const w = this.model.weights[i][h] / 1000;
        z += w;
        if (w > 0) contributions.push([i, w]);
      }
      contributions.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      const probability = sigmoid(z);
      result[head] = {
        head,
        probability,
        raised: probability >= this.model[head].threshold,
        top: contributions.slice(0, 3).map(([i]) => i),
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
