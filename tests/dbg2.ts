import { evaluate } from './safety/metrics';
import { holdout } from './safety/holdout';
import { corpus } from './safety/corpus';
import { detectDanger } from '../src/safety/detect';
for (const r of [evaluate(holdout), evaluate(corpus)]) for (const m of r.mismatches) console.log(m.kind, '->', m.got, '|', m.text, detectDanger(m.text).signals.join());
