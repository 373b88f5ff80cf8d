import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT_DIR } from '../../src/paths';
import { botbuilderIsNativeAsync, botbuilderPackageDirs, pendingRewrites, rewritePackage } from '../../src/vendor/installNativeAsync';
import { NATIVE_ASYNC_MARK, rewriteAwaiterCalls } from '../../src/vendor/nativeAsync';
import { makeTempDir } from '../support/app';

/** Runs generator-based async code the way TypeScript's ES2015 helper does (written here for the test). */
function awaiter(thisArg: unknown, args: IArguments | undefined, PromiseType: PromiseConstructor | undefined, body: (...a: unknown[]) => Generator) {
  const P = PromiseType ?? Promise;
  return new P((resolve, reject) => {
    const iterator = body.apply(thisArg, args ? Array.from(args) : []);
    const advance = (step: () => IteratorResult<unknown>) => {
      let result: IteratorResult<unknown>;
      try {
        result = step();
      } catch (error) {
        reject(error);
        return;
      }
      if (result.done) resolve(result.value);
      else
        P.resolve(result.value).then(
          (value) => advance(() => iterator.next(value)),
          (error) => advance(() => iterator.throw(error)),
        );
    };
    advance(() => iterator.next());
  });
}

/** Compiles a snippet that defines `run` and returns it, with the helper in scope. */
const load = (code: string) => new Function('__awaiter', `${code}\nreturn run;`)(awaiter) as (...args: unknown[]) => unknown;

/** What calling `run` gives: its value or its error, and whether it threw synchronously. */
async function outcome(code: string, args: unknown[]): Promise<unknown> {
  let pending: unknown;
  try {
    pending = load(code)(...args);
  } catch (error) {
    return { threwSynchronously: String(error) };
  }
  if (!(pending instanceof Promise)) return { notAPromise: pending };
  return pending.then(
    (value) => ({ value }),
    (error) => ({ rejected: String(error) }),
  );
}

// Each snippet has the shape TypeScript emits for an async function when it targets ES2015.
const cases: { name: string; code: string; args?: unknown[]; rewritten: number }[] = [
  {
    name: 'awaits values and returns',
    code: `function run(x) { return __awaiter(this, void 0, void 0, function* () { const a = yield Promise.resolve(x); const b = yield a * 2; return a + b; }); }`,
    args: [3],
    rewritten: 1,
  },
  {
    name: 'keeps this',
    code: `const box = { base: 10, add(x) { return __awaiter(this, void 0, void 0, function* () { return this.base + (yield x); }); } };
           function run(x) { return box.add(x); }`,
    args: [5],
    rewritten: 1,
  },
  {
    name: 'passes arguments and defaults through',
    code: `function run() { return __awaiter(this, arguments, void 0, function* (a, b = 2) { return [a, b, arguments.length, yield a]; }); }`,
    args: [7],
    rewritten: 1,
  },
  {
    name: 'a yield that spans a whole || expression still awaits all of it',
    code: `function run(a, b) { return __awaiter(this, void 0, void 0, function* () { const v = yield a || b; return v instanceof Promise ? 'not awaited' : v; }); }`,
    args: [null, Promise.resolve(5)],
    rewritten: 1,
  },
  {
    name: 'a parenthesized yield inside a larger expression',
    code: `function run(a, b) { return __awaiter(this, void 0, void 0, function* () { return (yield a) || b; }); }`,
    args: [Promise.resolve(0), 9],
    rewritten: 1,
  },
  {
    name: 'a bare yield',
    code: `function run() { return __awaiter(this, void 0, void 0, function* () { const x = yield; return x === undefined; }); }`,
    rewritten: 1,
  },
  {
    name: 'a throw before the first yield rejects instead of throwing',
    code: `function run() { return __awaiter(this, void 0, void 0, function* () { throw new Error('early'); }); }`,
    rewritten: 1,
  },
  {
    name: 'a rejected await can be caught',
    code: `function run() { return __awaiter(this, void 0, void 0, function* () { try { yield Promise.reject(new Error('no')); } catch (e) { return 'caught ' + e.message; } }); }`,
    rewritten: 1,
  },
  {
    name: 'nested awaiter calls in callbacks',
    code: `function run(xs) { return __awaiter(this, void 0, void 0, function* () {
             const doubled = yield Promise.all(xs.map((x) => __awaiter(this, void 0, void 0, function* () { return (yield x) * 2; })));
             return doubled; }); }`,
    args: [[1, 2, 3]],
    rewritten: 2,
  },
  {
    name: 'a real generator inside keeps its own yields',
    code: `function run() { return __awaiter(this, void 0, void 0, function* () {
             function* count() { yield 1; yield 2; }
             return [...count()].concat(yield 3); }); }`,
    rewritten: 1,
  },
  {
    name: 'a call at the start of a line after one without a semicolon',
    code: `function run() { let r = 5
             __awaiter(this, void 0, void 0, function* () { r = yield 7; });
             return Promise.resolve().then(() => r); }`,
    rewritten: 1,
  },
  {
    name: 'yield* is left as it was',
    code: `function run() { return __awaiter(this, void 0, void 0, function* () { function* inner() { yield 1; } yield* inner(); return 'kept'; }); }`,
    rewritten: 0,
  },
  {
    name: 'a custom Promise type is left as it was',
    code: `function run() { return __awaiter(this, void 0, Promise, function* () { return yield 4; }); }`,
    rewritten: 0,
  },
];

describe('rewriteAwaiterCalls', () => {
  test.each(cases)('$name: same outcome as the generator version', async ({ code, args = [], rewritten }) => {
    const result = rewriteAwaiterCalls(code);
    expect(result.rewritten).toBe(rewritten);
    if (rewritten > 0) expect(result.code).not.toMatch(/__awaiter\(/);
    expect(await outcome(result.code, args)).toEqual(await outcome(code, args));
  });

  test('a || operand is awaited whole, where a naive yield-to-await swap would not await it', async () => {
    const code = cases.find((c) => c.name.startsWith('a yield that spans'))!.code;
    const naive = `function run(a, b) { return (async function () { const v = await a || b; return v instanceof Promise ? 'not awaited' : v; }).call(this); }`;
    expect(await outcome(rewriteAwaiterCalls(code).code, [null, Promise.resolve(5)])).toEqual({ value: 5 });
    expect(await outcome(naive, [null, Promise.resolve(5)])).not.toEqual({ value: 5 });
  });

  test('keeps the line count, and a second pass finds nothing left to do', () => {
    const code = cases.map((c) => c.code).join('\n');
    const once = rewriteAwaiterCalls(code);
    expect(once.code.split('\n')).toHaveLength(code.split('\n').length);
    expect(once.kept).toBe(2);
    const twice = rewriteAwaiterCalls(once.code);
    expect(twice.rewritten).toBe(0);
    expect(twice.code).toBe(once.code);
  });

  test('code without the helper is returned untouched and not parsed', () => {
    const notJavaScript = 'this is not { valid';
    expect(rewriteAwaiterCalls(notJavaScript)).toEqual({ code: notJavaScript, rewritten: 0, kept: 0 });
  });
});

describe('rewriting a package', () => {
  const nodeModules = join(makeTempDir('native-async-'), 'node_modules');
  const pkg = join(nodeModules, 'botbuilder-like');
  const lib = (name: string) => join(pkg, 'lib', name);
  const awaiterCall = `exports.run = function () { return __awaiter(this, void 0, void 0, function* () { return yield 1; }); };\n`;
  beforeAll(() => {
    mkdirSync(join(pkg, 'lib', 'nested'), { recursive: true });
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'botbuilder-like', version: '1.0.0', repository: { url: 'https://github.com/Microsoft/botbuilder-js.git' } }));
    writeFileSync(lib('plain.js'), `"use strict";\n${awaiterCall}`);
    writeFileSync(lib(join('nested', 'deep.js')), awaiterCall);
    writeFileSync(lib('cli.js'), `#!/usr/bin/env node\n${awaiterCall}`);
    writeFileSync(lib('module.js'), `import x from 'x';\n${awaiterCall}`);
    writeFileSync(lib('none.js'), 'exports.x = 1;\n');
  });

  test('rewrites the plain scripts, leaves a #! file and one that is not a script as published, and a second run does nothing', () => {
    expect(botbuilderPackageDirs(nodeModules)).toEqual([pkg]);
    const first = rewritePackage(pkg);
    expect({ files: first.files, rewritten: first.rewritten, unreadable: first.unreadable.map((f) => f.slice(pkg.length)).sort() }).toEqual({
      files: 2,
      rewritten: 2,
      unreadable: ['/lib/cli.js', '/lib/module.js'],
    });
    expect(readFileSync(lib('plain.js'), 'utf8').startsWith(NATIVE_ASYNC_MARK)).toBe(true);
    expect(readFileSync(lib('cli.js'), 'utf8').startsWith('#!')).toBe(true);
    expect(readFileSync(lib('none.js'), 'utf8')).toBe('exports.x = 1;\n');
    const second = rewritePackage(pkg);
    expect({ files: second.files, alreadyDone: second.alreadyDone }).toEqual({ files: 0, alreadyDone: 2 });
  });
});

describe('the installed botbuilder', () => {
  const packages = botbuilderPackageDirs(join(ROOT_DIR, 'node_modules'));

  test('was rewritten by postinstall: the turn path runs native async functions', () => {
    expect(packages.map((dir) => dir.slice(dir.lastIndexOf('node_modules/') + 13))).toEqual(
      expect.arrayContaining(['botbuilder', 'botbuilder-core', 'botbuilder-dialogs', 'botframework-connector']),
    );
    expect(botbuilderIsNativeAsync()).toBe(true);
    for (const file of ['botbuilder-core/lib/turnContext.js', 'botbuilder-dialogs/lib/dialogContext.js', 'botbuilder/lib/cloudAdapter.js']) {
      const source = readFileSync(require.resolve(file), 'utf8');
      expect(source.startsWith(NATIVE_ASYNC_MARK)).toBe(true);
      expect(source).not.toMatch(/__awaiter\(/);
    }
  });

  test('has nothing left to rewrite, so running postinstall again changes no file', () => {
    for (const dir of packages) expect({ dir, pending: pendingRewrites(dir).pending.map((p) => p.file) }).toEqual({ dir, pending: [] });
  });
});
