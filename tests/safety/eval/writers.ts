/**
 * `npm run safety:writers`: how the detector does on a writer it has never read. For each outside
 * writer's dev batch (tests/safety/corpus/dev-writers), the classifier is trained on the rest of dev
 * without that writer, and the writer's messages are scored by the rules alone and by rules plus that
 * classifier. The rules were not tuned on these batches either, so the table shows what a new person's
 * wording gets; use it to choose training settings, never the held-out test splits.
 */
import { Classifier } from '../../../src/features/safety/classifier';
import { buildModel } from '../train';
import { CATEGORIES, isHit, type LabelledMessage, loadSplit, loadWriters } from './corpus';
import { detectorOutcome } from './outcome';

interface Score {
  suicide: [number, number];
  emergency: [number, number];
  alarmed: [number, number];
}

function score(messages: LabelledMessage[], classifier: boolean | Classifier): Score {
  const s: Score = { suicide: [0, 0], emergency: [0, 0], alarmed: [0, 0] };
  for (const m of messages) {
    const group = CATEGORIES[m.category].group;
    const hit = isHit(m.category, detectorOutcome(m.text, classifier));
    const cell = group === 'benign' ? s.alarmed : s[group];
    cell[0] += group === 'benign' ? (hit ? 0 : 1) : hit ? 1 : 0;
    cell[1] += 1;
  }
  return s;
}

const cell = ([n, of]: [number, number]) => `${n}/${of} (${((100 * n) / of).toFixed(1)}%)`;

function main(): void {
  const writers = loadWriters();
  const dev = loadSplit('dev');
  console.log('| writer | run | suicide & self-harm get 988 | emergencies get 911 | benign alarmed |');
  console.log('|---|---|---|---|---|');
  const total = { rules: [] as Score[], detector: [] as Score[] };
  for (const [writer, messages] of writers) {
    const held = new Set(messages.map((m) => `${m.category}\t${m.text}`));
    const { model } = buildModel(dev.filter((m) => !held.has(`${m.category}\t${m.text}`)));
    const runs: Array<[keyof typeof total, boolean | Classifier]> = [
      ['rules', false],
      ['detector', new Classifier(model)],
    ];
    for (const [run, classifier] of runs) {
      const s = score(messages, classifier);
      total[run].push(s);
      console.log(`| ${writer} | ${run} | ${cell(s.suicide)} | ${cell(s.emergency)} | ${cell(s.alarmed)} |`);
    }
  }
  for (const run of ['rules', 'detector'] as const) {
    const sum = (k: keyof Score): [number, number] => [
      total[run].reduce((n, s) => n + s[k][0], 0),
      total[run].reduce((n, s) => n + s[k][1], 0),
    ];
    console.log(`| all | ${run} | ${cell(sum('suicide'))} | ${cell(sum('emergency'))} | ${cell(sum('alarmed'))} |`);
  }
}

main();
