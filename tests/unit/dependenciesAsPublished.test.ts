import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

function sourceFiles(dir: string, found: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sourceFiles(path, found);
    else if (/\.(ts|js)$/.test(name)) found.push(path);
  }
  return found;
}

describe('dependencies run as published', () => {
  test('no install script of ours runs at npm install or npm ci', () => {
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare', 'preprepare', 'postprepare']) {
      expect(manifest.scripts[hook]).toBeUndefined();
    }
  });

  test('no source file imports an internal lib/ path of a botbuilder or botframework package', () => {
    const deepImport = /(?:from\s+|require\(\s*|import\(\s*)['"](?:botbuilder|botframework)[a-z-]*\/lib\//;
    const offenders = ['src', 'dialogs', 'bench', 'tests']
      .flatMap((dir) => sourceFiles(join(ROOT, dir)))
      .filter((file) => deepImport.test(readFileSync(file, 'utf8')))
      .map((file) => relative(ROOT, file));
    expect(offenders).toEqual([]);
  });

  test("npm start:prod runs the built tree with node alone; the start scripts' tools are installed without devDependencies", () => {
    expect(manifest.scripts['start:prod']).toMatch(/^node .*dist\/src\/index\.js$/);
    // botbuilder-dialogs' own postinstall runs `npx rimraf`: installed with the production dependencies so
    // `npm ci --omit=dev` does not fetch it from the registry (or fail offline).
    expect(manifest.dependencies.rimraf).toBeDefined();
    expect(manifest.devDependencies.rimraf).toBeUndefined();
  });
});
