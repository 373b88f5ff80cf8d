/**
 * `npx tsx tests/safety/eval/lowoDetail.ts [--cache] [--list]`: the leave-one-writer-out evaluation
 * (writers.ts) broken down per category and per signal that alarmed a benign message. Dev only.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { Classifier, type ClassifierModel } from '../../../src/features/safety/classifier';
import { detectDanger } from '../../../src/features/safety/detect';
import { buildModel } from '../train';
import { CATEGORIES, isHit, loadSplit, loadWriters } from './corpus';
import { detectorOutcome } from './outcome';

const cache = process.argv.includes('--cache');
const list = process.argv.includes('--list');
const writers = loadWriters();
const dev = loadSplit('dev');
const perCat = new Map<string, [number, number]>();
const perSignal = new Map<string, number>();
const lines: string[] = [];
for (const [writer, messages] of writers) {
  const file = `/tmp/s5/lowo-${writer}.json`;
  let model: ClassifierModel;
  if (cache && existsSync(file)) model = JSON.parse(readFileSync(file, 'utf8'));
  else {
    const held = new Set(messages.map((m) => `${m.category}\t${m.text}`));
    model = buildModel(dev.filter((m) => !held.has(`${m.category}\t${m.text}`))).model;
    writeFileSync(file, JSON.stringify(model));
  }
  const clf = new Classifier(model);
  for (const m of messages) {
    const hit = isHit(m.category, detectorOutcome(m.text, clf));
    const c = perCat.get(m.category) ?? [0, 0];
    c[0] += hit ? 1 : 0;
    c[1] += 1;
    perCat.set(m.category, c);
    if (!hit) {
      const d = detectDanger(m.text, { classifier: clf });
      if (CATEGORIES[m.category].group === 'benign')
        for (const s of d.signals) perSignal.set(s.replace(/:.*/, ''), (perSignal.get(s.replace(/:.*/, '')) ?? 0) + 1);
      lines.push(`${writer}\t${m.category}\t${d.kind}\t${d.signals.join(',')}\t${m.text}`);
    }
  }
}
for (const group of ['suicide', 'emergency', 'benign'])
  for (const [cat, [h, n]] of perCat)
    if (CATEGORIES[cat].group === group) console.log(`${group}\t${cat}\t${h}/${n}\t${((100 * h) / n).toFixed(1)}%`);
for (const group of ['suicide', 'emergency', 'benign']) {
  const cells = [...perCat].filter(([cat]) => CATEGORIES[cat].group === group).map(([, c]) => c);
  const h = cells.reduce((n, c) => n + c[0], 0);
  const n = cells.reduce((k, c) => k + c[1], 0);
  const shown = group === 'benign' ? n - h : h;
  console.log(
    `TOTAL ${group}${group === 'benign' ? ' alarmed' : ''}: ${shown}/${n} (${((100 * shown) / n).toFixed(1)}%)`,
  );
}
console.log('--- benign false alarms by signal');
for (const [s, n] of [...perSignal].sort((a, b) => b[1] - a[1])) console.log(`${n}\t${s}`);
if (list) writeFileSync('/tmp/s5/misses.tsv', lines.join('\n') + '\n');
