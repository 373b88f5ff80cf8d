/**
 * `npm run safety:writers`: how the detector does on a writer it has never read (leave one writer out).
 * For each outside writer's dev batch (tests/safety/corpus/dev-writers), the classifier is trained on the
 * rest of dev without that writer, its thresholds are chosen on the other writers' held-out scores
 * (train.ts chooseThresholds), and the writer's messages are scored by the rules alone and by the whole
 * detector. The rules were tuned on these batches, so the rules rows are optimistic for a truly new
 * writer; the detector rows show what the statistical layer adds without ever seeing the writer.
 * `--detail` adds recall per category and the signals behind each benign alarm (dev only).
 */
import { Classifier, type ClassifierModel } from '../../../src/features/safety/classifier';
import { detectDanger } from '../../../src/features/safety/detect';
import { chooseThresholds, heldOutRows } from '../train';
import { CATEGORIES, isHit, loadSplit, loadWriters } from './corpus';
import { detectorOutcome } from './outcome';

type Group = 'suicide' | 'emergency' | 'benign';
/** [right, of] per group; for benign "right" counts the alarmed ones. */
type Score = Record<Group, [number, number]>;

const cell = ([n, of]: [number, number]) => `${n}/${of} (${((100 * n) / of).toFixed(1)}%)`;
const empty = (): Score => ({ suicide: [0, 0], emergency: [0, 0], benign: [0, 0] });

function main(): void {
  const detail = process.argv.includes('--detail');
  // --misses: every held-out writer's message the detector got wrong (dev messages; for tuning the rules).
  const misses = process.argv.includes('--misses');
  const missed: string[] = [];
  const writers = loadWriters();
  const dev = loadSplit('dev');
  const models = new Map<string, ClassifierModel>();
  const rows = heldOutRows(dev, writers, (writer, model) => models.set(writer, model));
  const perCategory = new Map<string, [number, number]>();
  const perSignal = new Map<string, number>();
  const total = { rules: empty(), detector: empty() };
  console.log('| writer | run | suicide & self-harm get 988 | emergencies get 911 | benign alarmed | thresholds |');
  console.log('|---|---|---|---|---|---|');
  for (const [writer, messages] of writers) {
    // The writer's own scores never choose its thresholds.
    const chosen = chooseThresholds(rows.filter((r) => r.writer !== writer));
    const model = models.get(writer)!;
    const classifier = new Classifier({
      ...model,
      selfRisk: { ...model.selfRisk, threshold: chosen.selfRisk.threshold },
      emergency: { ...model.emergency, threshold: chosen.emergency.threshold },
    });
    for (const [run, clf] of [
      ['rules', false],
      ['detector', classifier],
    ] as const) {
      const s = empty();
      for (const m of messages) {
        const group = CATEGORIES[m.category].group;
        const hit = isHit(m.category, detectorOutcome(m.text, clf));
        s[group][0] += group === 'benign' ? (hit ? 0 : 1) : hit ? 1 : 0;
        s[group][1] += 1;
        if (run !== 'detector') continue;
        const c = perCategory.get(m.category) ?? [0, 0];
        perCategory.set(m.category, [c[0] + (hit ? 1 : 0), c[1] + 1]);
        if (misses && !hit) {
          const d = detectDanger(m.text, { classifier: clf });
          missed.push(`${writer}\t${m.category}\t${d.kind}\t${d.signals.join(',')}\t${m.text}`);
        }
        if (group === 'benign' && !hit)
          for (const signal of detectDanger(m.text, { classifier: clf }).signals) {
            const id = signal.replace(/:.*/, '');
            perSignal.set(id, (perSignal.get(id) ?? 0) + 1);
          }
      }
      for (const g of ['suicide', 'emergency', 'benign'] as const) {
        total[run][g][0] += s[g][0];
        total[run][g][1] += s[g][1];
      }
      const t = run === 'detector' ? `${chosen.selfRisk.threshold} / ${chosen.emergency.threshold}` : '';
      console.log(`| ${writer} | ${run} | ${cell(s.suicide)} | ${cell(s.emergency)} | ${cell(s.benign)} | ${t} |`);
    }
  }
  for (const run of ['rules', 'detector'] as const) {
    const s = total[run];
    console.log(`| all | ${run} | ${cell(s.suicide)} | ${cell(s.emergency)} | ${cell(s.benign)} | |`);
  }
  if (misses) console.log(`\n${missed.join('\n')}`);
  if (!detail) return;
  console.log('\n| group | category | right (held-out writers) |\n|---|---|---|');
  for (const group of ['suicide', 'emergency', 'benign'] as const)
    for (const [category, c] of perCategory)
      if (CATEGORIES[category].group === group) console.log(`| ${group} | ${category} | ${cell(c)} |`);
  console.log('\n| signal | benign messages it alarmed |\n|---|---|');
  for (const [signal, n] of [...perSignal].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)))
    console.log(`| ${signal} | ${n} |`);
}

main();
