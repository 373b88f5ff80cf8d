/**
 * `npm run safety:train`: trains the safety classifier (src/features/safety/classifier.ts) on the dev split only
 * and writes src/features/safety/classifierModel.json. `npm run safety:train -- --check` trains again and fails
 * when the committed file differs (so the weights in the repo are exactly what this script makes).
 *
 * Everything is deterministic: features are sorted, training is full-batch gradient descent (Adam) for a
 * fixed number of steps from zero weights, weights are rounded to 1/1000. Thresholds are chosen leaving one
 * outside writer out at a time (chooseThresholds), never on the messages the model was fitted to.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Classifier, type ClassifierModel, featureSet, type Head, HEADS } from '../../src/features/safety/classifier';
import { classifierVetoOf, normalizedClauses } from '../../src/features/safety/detect';
import { CATEGORIES, isHit, type LabelledMessage, loadSplit, loadWriters } from './eval/corpus';
import { detectorOutcome } from './eval/outcome';

const MODEL_PATH = join(__dirname, '..', '..', 'src', 'features', 'safety', 'classifierModel.json');
export const MODEL_VERSION = 'clf-3.0.0';
/** Features seen in fewer messages than this are not used (one message's quirks are not a pattern). */
const MIN_DOCS = 2;
/**
 * Features kept per head after the first fit (by weight size); the model is refitted on their union.
 * 1500 was chosen by `npm run safety:writers` (train without one outside writer, score that writer).
 */
const KEEP_PER_HEAD = 1500;
const STEPS = 300;
const LEARNING_RATE = 0.05;
const L2 = 0.002;

interface Example {
  features: string[];
  labels: Record<Head, number>;
}

export function examples(messages: LabelledMessage[] = loadSplit('dev')): Example[] {
  return messages.map((m) => {
    const group = CATEGORIES[m.category].group;
    const emergency = group === 'emergency' || m.category === 'deliberateOD';
    return {
      features: [...featureSet(normalizedClauses(m.text))].sort(),
      labels: { selfRisk: group === 'suicide' ? 1 : 0, emergency: emergency ? 1 : 0 },
    };
  });
}

/** Logistic regression by full-batch Adam; returns the bias and one weight per feature column. */
function fit(rows: Int32Array[], y: number[], columns: number): { bias: number; w: Float64Array } {
  const w = new Float64Array(columns + 1); // the last one is the bias
  const m = new Float64Array(columns + 1);
  const v = new Float64Array(columns + 1);
  const g = new Float64Array(columns + 1);
  const n = rows.length;
  for (let step = 1; step <= STEPS; step++) {
    g.fill(0);
    for (let r = 0; r < n; r++) {
      let z = w[columns];
      const row = rows[r];
      for (let k = 0; k < row.length; k++) z += w[row[k]];
      const err = 1 / (1 + Math.exp(-z)) - y[r];
      for (let k = 0; k < row.length; k++) g[row[k]] += err;
      g[columns] += err;
    }
    const b1 = 0.9;
    const b2 = 0.999;
    for (let j = 0; j <= columns; j++) {
      const grad = g[j] / n + (j < columns ? L2 * w[j] : 0);
      m[j] = b1 * m[j] + (1 - b1) * grad;
      v[j] = b2 * v[j] + (1 - b2) * grad * grad;
      const mh = m[j] / (1 - b1 ** step);
      const vh = v[j] / (1 - b2 ** step);
      w[j] -= (LEARNING_RATE * mh) / (Math.sqrt(vh) + 1e-8);
    }
  }
  return { bias: w[columns], w: w.subarray(0, columns) };
}

const toRows = (data: Example[], index: Map<string, number>) =>
  data.map((e) => Int32Array.from(e.features.flatMap((f) => (index.has(f) ? [index.get(f)!] : []))));

/** Train on some examples: fit on every frequent feature, keep the strongest per head, refit on those. */
function trainModel(data: Example[]): Omit<ClassifierModel, 'version'> {
  const docs = new Map<string, number>();
  for (const e of data) for (const f of e.features) docs.set(f, (docs.get(f) ?? 0) + 1);
  const vocabulary = [...docs.keys()].filter((f) => docs.get(f)! >= MIN_DOCS).sort();
  const index = new Map(vocabulary.map((f, i) => [f, i]));
  const rows = toRows(data, index);
  const keep = new Set<string>();
  for (const head of HEADS) {
    const { w } = fit(
      rows,
      data.map((e) => e.labels[head]),
      vocabulary.length,
    );
    const ranked = vocabulary
      .map((f, i) => [f, Math.abs(w[i])] as const)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    for (const [f] of ranked.slice(0, KEEP_PER_HEAD)) keep.add(f);
  }
  const features = [...keep].sort();
  const keptIndex = new Map(features.map((f, i) => [f, i]));
  const keptRows = toRows(data, keptIndex);
  const weights: Array<[number, number]> = features.map(() => [0, 0]);
  const heads = {} as Record<Head, { bias: number; threshold: number }>;
  HEADS.forEach((head, h) => {
    const { bias, w } = fit(
      keptRows,
      data.map((e) => e.labels[head]),
      features.length,
    );
    features.forEach((_, i) => (weights[i][h] = Math.round(w[i] * 1000)));
    heads[head] = { bias: Math.round(bias * 1000) / 1000, threshold: 1 };
  });
  return { features, weights, ...heads };
}

/**
 * Thresholds are chosen on writers the model has not read: each outside writer's messages are scored by
 * a model trained without that writer (leave one writer out), and a head's threshold is the lowest one
 * (in steps of 1/20) at which the score, where the run-time veto lets it speak, alarms at most
 * ADDED_FALSE_RATE of the benign messages the rules left quiet. The rules' own false alarms are not
 * the classifier's to spend.
 */
const ADDED_FALSE_RATE: Record<Head, number> = { selfRisk: 0.02, emergency: 0.01 };
const THRESHOLD_STEPS = Array.from({ length: 14 }, (_, i) => Math.round((0.3 + i * 0.05) * 100) / 100);

/** One outside writer's message as the threshold choice sees it: the rules' answer and the held-out scores. */
export interface HeldOutRow {
  writer: string;
  group: 'suicide' | 'emergency' | 'benign';
  /** The rules alone already give the right answer (for benign: they stay quiet). */
  rulesRight: boolean;
  probability: Record<Head, number>;
  veto: Record<Head, boolean>;
}

/** Every writer's messages scored by the model trained on dev without that writer. */
export function heldOutRows(
  dev: LabelledMessage[] = loadSplit('dev'),
  writers: Map<string, LabelledMessage[]> = loadWriters(),
  onModel?: (writer: string, model: ClassifierModel) => void,
): HeldOutRow[] {
  const rows: HeldOutRow[] = [];
  for (const [writer, messages] of writers) {
    const held = new Set(messages.map((m) => `${m.category}\t${m.text}`));
    const trained = trainModel(examples(dev.filter((m) => !held.has(`${m.category}\t${m.text}`))));
    const model: ClassifierModel = {
      version: MODEL_VERSION,
      features: trained.features,
      weights: trained.weights,
      selfRisk: { bias: trained.selfRisk.bias, threshold: 1 },
      emergency: { bias: trained.emergency.bias, threshold: 1 },
    };
    onModel?.(writer, model);
    const classifier = new Classifier(model);
    for (const m of messages) {
      const group = CATEGORIES[m.category].group;
      const scores = classifier.score(normalizedClauses(m.text));
      rows.push({
        writer,
        group,
        rulesRight: isHit(m.category, detectorOutcome(m.text, false)),
        probability: { selfRisk: scores.selfRisk.probability, emergency: scores.emergency.probability },
        veto: classifierVetoOf(m.text),
      });
    }
  }
  return rows;
}

/** The lowest threshold per head at which the score adds at most ADDED_FALSE_RATE benign alarms. */
export function chooseThresholds(rows: HeldOutRow[]): Record<Head, { threshold: number; added: number; of: number }> {
  const benign = rows.filter((r) => r.group === 'benign');
  const out = {} as Record<Head, { threshold: number; added: number; of: number }>;
  for (const head of HEADS) {
    const speaks = (r: HeldOutRow, t: number) => r.probability[head] >= t && !r.veto[head];
    const allowed = Math.floor(ADDED_FALSE_RATE[head] * benign.length);
    const threshold =
      THRESHOLD_STEPS.find((t) => benign.filter((r) => r.rulesRight && speaks(r, t)).length <= allowed) ?? 0.99;
    const added = benign.filter((r) => r.rulesRight && speaks(r, threshold)).length;
    out[head] = { threshold, added, of: benign.length };
  }
  return out;
}

export function buildModel(
  messages?: LabelledMessage[],
  thresholds?: Record<Head, number>,
): {
  model: ClassifierModel;
  cv?: ReturnType<typeof chooseThresholds>;
} {
  const dev = messages ?? loadSplit('dev');
  const cv = thresholds ? undefined : chooseThresholds(heldOutRows(dev));
  const trained = trainModel(examples(dev));
  const model: ClassifierModel = {
    version: MODEL_VERSION,
    features: trained.features,
    weights: trained.weights,
    selfRisk: { bias: trained.selfRisk.bias, threshold: thresholds?.selfRisk ?? cv!.selfRisk.threshold },
    emergency: { bias: trained.emergency.bias, threshold: thresholds?.emergency ?? cv!.emergency.threshold },
  };
  return { model, cv };
}

/** A small object on one line, spaced as Prettier writes it ({ "bias": 0.3, "threshold": 0.9 }). */
function inline(value: object): string {
  const fields = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return `{ ${fields.join(', ')} }`;
}

/** One feature and its weights a line: small diffs when the model changes; already in Prettier's format. */
export function serialize(model: ClassifierModel): string {
  const lines = model.features.map(
    (f, i) => `    [${JSON.stringify(f)}, ${model.weights[i][0]}, ${model.weights[i][1]}]`,
  );
  return `{
  "version": ${JSON.stringify(model.version)},
  "selfRisk": ${inline(model.selfRisk)},
  "emergency": ${inline(model.emergency)},
  "table": [
${lines.join(',\n')}
  ]
}
`;
}

function main(): void {
  const check = process.argv.includes('--check');
  const started = Date.now();
  const { model, cv } = buildModel();
  const text = serialize(model);
  for (const head of HEADS) {
    console.log(
      `${head}: threshold ${cv![head].threshold} (held-out writers: adds ${cv![head].added} of ${cv![head].of} benign alarms)`,
    );
  }
  console.log(`${model.features.length} features, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (check) {
    const committed = readFileSync(MODEL_PATH, 'utf8');
    if (committed !== text) {
      console.error(
        'src/features/safety/classifierModel.json does not match what training on dev.tsv produces: run npm run safety:train',
      );
      process.exit(1);
    }
    console.log('src/features/safety/classifierModel.json matches the training run');
    return;
  }
  writeFileSync(MODEL_PATH, text);
  console.log('wrote src/features/safety/classifierModel.json');
}

if (require.main === module) main();
