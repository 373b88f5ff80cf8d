import { readFileSync, readdirSync } from 'node:fs';
import { detectDanger } from '../src/safety/detect';
const seen = new Set<string>();
for (const dir of ['tests/dialogs', 'tests/http', 'tests/channels', 'tests/intake', 'tests/nlu']) {
  let files: string[] = []; try { files = readdirSync(dir).map(f => `${dir}/${f}`); } catch { continue; }
  for (const f of files) { if (!f.endsWith('.ts')) continue; const src = readFileSync(f, 'utf8');
    for (const m of src.matchAll(/(?:say|chat|send|other|messageActivity)\(\s*(['"`])((?:(?!\1).){3,120})\1/g)) seen.add(m[2]); }
}
let hit = 0; for (const s of seen) { const d = detectDanger(s); if (d.kind !== 'none') { hit++; console.log(d.kind, d.signals.join(','), '|', s); } }
console.log(seen.size, 'messages', hit, 'flagged');
