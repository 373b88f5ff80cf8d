// Every detail of the safety detector's answer on every dev message (tests/safety/corpus/dev.tsv and
// dev-writers/*.tsv), as JSON: a speed change to the detector must leave this output byte for byte the
// same. Never reads the test splits. Usage: npx tsx bench/detectorSnapshot.ts > /tmp/before.json
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLASSIFIER } from '../src/features/safety/classifier';
import {
  classifierVetoOf,
  conceptsOf,
  detectDanger,
  normalizedClauses,
  VETO_TRACE,
} from '../src/features/safety/detect';

// Run from the repository root (with tsx from bench/, or built from dist/bench/).
const CORPUS = join(process.cwd(), 'tests', 'safety', 'corpus');
const files = ['dev.tsv', ...readdirSync(join(CORPUS, 'dev-writers')).map((f) => join('dev-writers', f))];
const round = (x: number) => Math.round(x * 1e6) / 1e6;

const out: Record<string, unknown> = {};
for (const file of files) {
  if (!file.includes('dev')) throw new Error(`not a dev file: ${file}`);
  readFileSync(join(CORPUS, file), 'utf8')
    .split('\n')
    .forEach((line, n) => {
      if (!line.includes('\t') || line.startsWith('#')) return;
      const text = line.slice(line.indexOf('\t') + 1);
      const clauses = normalizedClauses(text);
      const scores = CLASSIFIER.score(clauses);
      const veto = clauses.length > 0 ? classifierVetoOf(text) : undefined;
      out[`${file}:${n + 1}`] = {
        detection: detectDanger(text),
        rulesOnly: detectDanger(text, { classifier: false }),
        clauses,
        scores: Object.fromEntries(
          Object.entries(scores).map(([h, s]) => [h, { p: round(s.probability), raised: s.raised, top: s.top }]),
        ),
        veto,
        vetoTrace: veto && { ...VETO_TRACE },
        concepts: clauses.map((c) =>
          Object.entries(conceptsOf(c))
            .filter(([, v]) => v)
            .map(([k]) => k),
        ),
      };
    });
}
process.stdout.write(`${JSON.stringify(out, null, 1)}\n`);
