import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * No folder cycles (docs/architecture.md, "The cycle rule"). A node is a part of the platform
 * (src/platform/channels, src/platform/config.ts as "platform/config", ...), a feature (src/features/intake),
 * another folder or file directly in src/ (src/cli, src/index.ts as "index"), or a dialogs/ folder
 * (dialogs/intake, dialogs/shared). Every relative import counts, `import type` included: a type is a dependency
 * of the design even when it leaves no trace in the compiled JavaScript.
 */
const ROOT = join(__dirname, '../..');

/**
 * Edges that may close a cycle for now, each with a comment saying which change removes it. Empty: an
 * entry must still exist (the test below says when a change has cut it), so the list can only shrink.
 */
const KNOWN_CYCLE_EDGES: Record<string, string> = {};

/**
 * The layers: src/platform knows no feature and no dialog, and src/features knows no dialog. Edges that
 * still cross a layer upwards, each with the change that removes it.
 */
const KNOWN_LAYER_EDGES: Record<string, string> = {
  // Stored intake results hold the risk engine's types; goes when each feature owns its repository interface.
  'platform/storage -> features/risk': 'repository split',
};

/** "from -> to" edges that go up a layer: platform -> features or dialogs, features -> dialogs. */
function upwardEdges(edges: Iterable<string>): string[] {
  return [...edges].filter((edge) => {
    const [from, to] = edge.split(' -> ');
    if (from.startsWith('platform/')) return to.startsWith('features/') || to.startsWith('dialogs');
    if (from.startsWith('features/')) return to.startsWith('dialogs');
    return false;
  });
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'public') sourceFiles(path, out);
    } else if (/\.(ts|js)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

function nodeOf(file: string): string | undefined {
  const parts = relative(ROOT, file).split(sep);
  const name = (part: string) => part.replace(/\.(ts|js)$/, '');
  if (parts[0] === 'dialogs') return parts.length === 2 ? 'dialogs' : `dialogs/${parts[1]}`;
  if (parts[0] !== 'src' || parts.length < 2) return undefined;
  // src/platform/<part> and src/features/<feature> are nodes of their own, so two features may not
  // import each other in a circle either.
  if ((parts[1] === 'platform' || parts[1] === 'features') && parts.length > 2) return `${parts[1]}/${name(parts[2])}`;
  return parts.length === 2 ? name(parts[1]) : parts[1];
}

const IMPORT =
  /(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;

/** "from -> to" with the importing files, for every relative import between two different nodes. */
function folderEdges(): Map<string, string[]> {
  const edges = new Map<string, string[]>();
  for (const file of [...sourceFiles(join(ROOT, 'src')), ...sourceFiles(join(ROOT, 'dialogs'))]) {
    const from = nodeOf(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(IMPORT)) {
      const spec = match[1] ?? match[2] ?? match[3] ?? match[4];
      if (!spec.startsWith('.')) continue;
      const to = nodeOf(resolve(dirname(file), spec));
      if (!from || !to || from === to) continue;
      const key = `${from} -> ${to}`;
      edges.set(key, [...(edges.get(key) ?? []), relative(ROOT, file)]);
    }
  }
  return edges;
}

/** A cycle as "a -> b -> a", or undefined when the graph has none. */
function findCycle(edges: Iterable<string>): string[] | undefined {
  const next = new Map<string, string[]>();
  for (const edge of edges) {
    const [from, to] = edge.split(' -> ') as [string, string];
    next.set(from, [...(next.get(from) ?? []), to]);
  }
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string[] | undefined => {
    state.set(node, 'open');
    path.push(node);
    for (const to of next.get(node) ?? []) {
      if (state.get(to) === 'open') return [...path.slice(path.indexOf(to)), to];
      if (!state.has(to)) {
        const found = visit(to);
        if (found) return found;
      }
    }
    path.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of [...next.keys()].sort()) {
    if (state.has(node)) continue;
    const found = visit(node);
    if (found) return found;
  }
  return undefined;
}

describe('folder dependencies', () => {
  const edges = folderEdges();

  test('the import scan sees the app (a scan that finds nothing would pass everything)', () => {
    expect([...edges.keys()].filter((edge) => edge.startsWith('index -> dialogs/')).length).toBeGreaterThan(3);
    expect([...edges.keys()].some((edge) => edge.startsWith('dialogs/intake -> features/'))).toBe(true);
  });

  test('no cycle between the top-level folders of src/ and dialogs/, apart from the known edges', () => {
    const cycle = findCycle([...edges.keys()].filter((edge) => !(edge in KNOWN_CYCLE_EDGES)));
    const detail = cycle
      ?.slice(1)
      .map((to, i) => `${cycle[i]} -> ${to}: ${(edges.get(`${cycle[i]} -> ${to}`) ?? []).join(', ')}`);
    expect(detail).toBeUndefined();
  });

  test('every known cycle edge still exists (remove it from the list once a move has cut it)', () => {
    expect(Object.keys(KNOWN_CYCLE_EDGES).filter((edge) => !edges.has(edge))).toEqual([]);
  });

  test('the platform imports no feature or dialog, and features import no dialog, apart from the known edges', () => {
    const upward = upwardEdges(edges.keys()).filter((edge) => !(edge in KNOWN_LAYER_EDGES));
    expect(upward.map((edge) => `${edge}: ${(edges.get(edge) ?? []).join(', ')}`)).toEqual([]);
    expect(Object.keys(KNOWN_LAYER_EDGES).filter((edge) => !edges.has(edge))).toEqual([]);
  });

  test('the layer check finds an upward edge when there is one', () => {
    expect(upwardEdges(['platform/bot -> features/safety', 'features/intake -> dialogs/intake'])).toHaveLength(2);
    expect(upwardEdges(['features/intake -> platform/storage', 'dialogs/intake -> features/intake'])).toEqual([]);
  });

  test('the detector finds a cycle when there is one', () => {
    expect(findCycle(['a -> b', 'b -> c', 'c -> a'])).toEqual(['a', 'b', 'c', 'a']);
    expect(findCycle(['a -> b', 'b -> c', 'a -> c'])).toBeUndefined();
  });
});
