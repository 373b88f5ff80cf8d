#!/usr/bin/env node
// `npm start` runs this first: it compiles the TypeScript only when a source changed since the last
// build, makes the Web Chat bundle's compressed copies once, and says what it is doing. Plain
// JavaScript with no dependencies, because it runs before anything is compiled.
// `--build-only` (the operator scripts: backup, report, purge, checkins, teams:package, chat): the build
// step alone, quiet when nothing changed, its lines on stderr so a script's own output stays clean.
// On a production install (`npm ci --omit=dev`: no TypeScript) it builds nothing and the built dist/
// runs as it is; without dist/ it says how to make one.
'use strict';

const { spawnSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const { existsSync, readdirSync, readFileSync, statSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');

const ROOT = join(__dirname, '..', '..');
const DIST = join(ROOT, 'dist');
const STAMP = join(DIST, '.sources-stamp');
/** What tsconfig.build.json compiles, and the settings that change its output. */
const SOURCES = ['src', 'dialogs', 'bench'];
const SETTINGS = ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];

const BUILD_ONLY = process.argv.includes('--build-only');
const say = (line) =>
  (BUILD_ONLY ? process.stderr : process.stdout).write(`[${BUILD_ONLY ? 'build' : 'start'}] ${line}\n`);

/** The TypeScript compiler, or undefined on a production install (it is a development package). */
function compiler() {
  try {
    return require.resolve('typescript/bin/tsc', { paths: [ROOT] });
  } catch {
    return undefined;
  }
}

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

/** A fingerprint of every source file's name, size and modification time: cheap, and any edit changes it. */
function sourcesStamp() {
  const hash = createHash('sha256');
  const all = [
    ...SOURCES.flatMap((dir) => [...files(join(ROOT, dir))]),
    ...SETTINGS.map((file) => join(ROOT, file)),
  ].sort();
  for (const file of all) {
    if (!existsSync(file)) continue;
    const { size, mtimeMs } = statSync(file);
    hash.update(`${relative(ROOT, file)}\0${size}\0${mtimeMs}\n`);
  }
  return hash.digest('hex');
}

function build() {
  const tscPath = compiler();
  const hasBuild = existsSync(join(DIST, 'src', 'index.js'));
  if (!tscPath) {
    if (hasBuild) {
      if (!BUILD_ONLY) say('TypeScript: not installed (a production install); running the build in dist/ as it is.');
      return;
    }
    say(
      'There is no build in dist/ and no TypeScript to make one: run `npm ci && npm run build` first (docs/deploying.md).',
    );
    process.exit(1);
  }
  const stamp = sourcesStamp();
  const built = hasBuild && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === stamp;
  if (built) {
    if (!BUILD_ONLY) say('TypeScript: up to date in dist/ (no source changed since the last build).');
    return;
  }
  say(
    existsSync(DIST)
      ? 'TypeScript: sources changed, compiling into dist/ …'
      : 'TypeScript: first build, compiling into dist/ …',
  );
  const started = Date.now();
  // In --build-only mode the compiler's messages go to stderr too, so a script's stdout stays its own.
  const stdio = BUILD_ONLY ? ['ignore', 2, 2] : 'inherit';
  const tsc = spawnSync(process.execPath, [tscPath, '-p', join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio });
  if (tsc.status !== 0) {
    say(`TypeScript: the build failed (see above); ${BUILD_ONLY ? 'not running' : 'not starting'}.`);
    process.exit(tsc.status ?? 1);
  }
  writeFileSync(STAMP, stamp);
  say(`TypeScript: compiled in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

async function compressWebChat() {
  const { ASSET_CACHE_DIR, compressedCopy, hashAssets } = require(join(DIST, 'src', 'platform', 'web', 'assets.js'));
  const bundle = hashAssets().find((asset) => asset.name === 'webchat.js');
  const missing = ['br', 'gzip'].filter(
    (encoding) =>
      !existsSync(join(ASSET_CACHE_DIR, `${bundle.url.split('/').pop()}.${encoding === 'br' ? 'br' : 'gz'}`)),
  );
  if (missing.length === 0) {
    say(`Web Chat bundle: compressed copies ready in ${relative(ROOT, ASSET_CACHE_DIR)}/.`);
    return;
  }
  say(
    `Web Chat bundle: making its ${missing.join(' and ')} copies once (about 20 s) in ${relative(ROOT, ASSET_CACHE_DIR)}/ …`,
  );
  const started = Date.now();
  for (const encoding of missing) await compressedCopy(bundle, encoding);
  say(`Web Chat bundle: compressed in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

build();
if (!BUILD_ONLY) {
  compressWebChat()
    .then(() => {
      const database = process.env.DATABASE_URL ?? 'sqlite:./data/coach.db';
      if (database.startsWith('sqlite:')) {
        const file = database.slice('sqlite:'.length).replace(/^\/\//, '');
        say(
          `Data: the SQLite database ${file}${existsSync(file) ? '' : ' (new: made now)'}; the Direct Line token secret beside it.`,
        );
      }
      say('Starting the server …');
    })
    .catch((error) => {
      // The server makes the copies itself on the first visit; starting matters more.
      say(
        `Web Chat bundle: could not make the compressed copies now (${error.message}); the server makes them on the first visit.`,
      );
    });
}
