import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { detectDanger } from '../src/safety/detect';
const files: string[] = [];
const walk = (d: string) => { for (const f of readdirSync(d)) { const p = join(d, f); if (statSync(p).isDirectory()) walk(p); else files.push(p); } };
walk('content/en');
let n = 0, hit = 0;
for (const f of files) for (const line of readFileSync(f, 'utf8').split(/\n|(?<=[.?!])\s+/)) {
  const s = line.replace(/^[\s#>*-]*(\w+:)?/, '').trim(); if (s.length < 12) continue; n++;
  const d = detectDanger(s); if (d.kind !== 'none') { hit++; console.log(d.kind, d.signals.join(','), '|', s.slice(0, 140)); }
}
console.log(n, 'lines', hit, 'flagged');
