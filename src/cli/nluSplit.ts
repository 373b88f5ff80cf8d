import { readFileSync, writeFileSync } from 'node:fs';

/**
 * npm run nlu:split -- <writer.tsv> <train.tsv> <test.tsv> [seed] [label]: sets an outside writer's requests
 * (`intent<TAB>text`) apart into a training 75% and a held-out 25%, by intent, with a fixed seed (75, as
 * train-k / test-k were), so every intent is held out in the same share and the split can be made again.
 * It prints counts only: the held-out rows are never shown.
 */
const HELD_OUT = 0.25;

/** A small seeded generator (mulberry32): the same seed gives the same split on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function splitByIntent(lines: string[], seed: number): { train: string[]; test: string[] } {
  const rows = lines.filter((line) => line.trim() && !line.startsWith('#'));
  const byIntent = new Map<string, number[]>();
  rows.forEach((line, i) => {
    const intent = line.split('\t')[0].trim();
    byIntent.set(intent, [...(byIntent.get(intent) ?? []), i]);
  });
  const next = random(seed);
  const held = new Set<number>();
  for (const intent of [...byIntent.keys()].sort()) {
    const indexes = [...byIntent.get(intent)!];
    // Fisher-Yates with the seeded generator, then the first quarter is held out.
    for (let i = indexes.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [indexes[i], indexes[j]] = [indexes[j], indexes[i]];
    }
    indexes.slice(0, Math.round(indexes.length * HELD_OUT)).forEach((i) => held.add(i));
  }
  // Rows keep the writer's order within each file.
  return { train: rows.filter((_, i) => !held.has(i)), test: rows.filter((_, i) => held.has(i)) };
}

if (require.main === module) {
  const [source, trainFile, testFile, seedText, label] = process.argv.slice(2);
  if (!source || !trainFile || !testFile) {
    process.stderr.write('usage: nlu:split -- <writer.tsv> <train.tsv> <test.tsv> [seed] [label]\n');
    process.exit(2);
  }
  const seed = Number(seedText ?? 75);
  const name = label ?? 'an outside writer';
  const { train, test } = splitByIntent(readFileSync(source, 'utf8').split('\n'), seed);
  writeFileSync(
    trainFile,
    `# 75% of ${name}'s requests, set apart by intent with seed ${seed} (npm run nlu:split); training data.\n${train.join('\n')}\n`,
  );
  writeFileSync(
    testFile,
    `# 25% of ${name}'s requests, set apart by intent with seed ${seed} (npm run nlu:split); held out, never read row by row.\n${test.join('\n')}\n`,
  );
  process.stdout.write(`train ${train.length} rows, test ${test.length} rows\n`);
}
