import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NATIVE_ASYNC_MARK, rewriteAwaiterCalls } from './nativeAsync';

/** Packages built from Microsoft's botbuilder-js repository: the ones whose async methods this rewrites. */
const BOTBUILDER_REPOSITORY = /[/:]microsoft\/botbuilder-js(\.git)?$/i;

export interface PackageReport {
  name: string;
  version: string;
  dir: string;
  /** Files rewritten now. */
  files: number;
  /** Files found already rewritten (by an earlier install). */
  alreadyDone: number;
  rewritten: number;
  kept: number;
  /** Files left as published because they are not plain scripts (a `#!` line, or not parseable as one). */
  unreadable: string[];
}

function readPackage(dir: string): { name: string; version: string; repository?: string | { url?: string } } | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  } catch {
    return undefined;
  }
}

function isBotbuilderPackage(dir: string): boolean {
  const repository = readPackage(dir)?.repository;
  const url = typeof repository === 'string' ? repository : repository?.url;
  return typeof url === 'string' && BOTBUILDER_REPOSITORY.test(url);
}

/** Every installed botbuilder-js package under this node_modules, nested copies included. */
export function botbuilderPackageDirs(nodeModules: string): string[] {
  const found: string[] = [];
  const visitPackage = (dir: string) => {
    if (isBotbuilderPackage(dir)) found.push(dir);
    const nested = join(dir, 'node_modules');
    if (existsSync(nested)) visitNodeModules(nested);
  };
  const visitNodeModules = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.name.startsWith('@')) {
        for (const scoped of readdirSync(path, { withFileTypes: true })) if (scoped.isDirectory()) visitPackage(join(path, scoped.name));
      } else {
        visitPackage(path);
      }
    }
  };
  if (existsSync(nodeModules)) visitNodeModules(nodeModules);
  return found.sort();
}

function scriptFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...scriptFiles(path));
    else if (entry.name.endsWith('.js')) files.push(path);
  }
  return files;
}

interface PendingRewrite {
  file: string;
  code: string;
  rewritten: number;
}

/** Looks through a package's compiled files (lib/) for what is still to rewrite; writes nothing. */
export function pendingRewrites(dir: string): { pending: PendingRewrite[]; alreadyDone: number; kept: number; unreadable: string[] } {
  const pending: PendingRewrite[] = [];
  const unreadable: string[] = [];
  let alreadyDone = 0;
  let kept = 0;
  for (const file of scriptFiles(join(dir, 'lib'))) {
    const source = readFileSync(file, 'utf8');
    if (source.startsWith(NATIVE_ASYNC_MARK)) {
      alreadyDone++;
      continue;
    }
    // The mark goes first in the file, where a `#!` line must stay; such a file is a command, not the turn path.
    if (source.startsWith('#!')) {
      if (source.includes('__awaiter(')) unreadable.push(file);
      continue;
    }
    let result;
    try {
      result = rewriteAwaiterCalls(source);
    } catch {
      // Not a plain script (an ES module, say): left as published rather than failing the install.
      unreadable.push(file);
      continue;
    }
    kept += result.kept;
    if (result.rewritten > 0) pending.push({ file, code: result.code, rewritten: result.rewritten });
  }
  return { pending, alreadyDone, kept, unreadable };
}

/** Rewrites one package's compiled files in place. Running it again changes nothing. */
export function rewritePackage(dir: string): PackageReport {
  const pkg = readPackage(dir)!;
  const { pending, alreadyDone, kept, unreadable } = pendingRewrites(dir);
  for (const { file, code } of pending) {
    // Same line count as before, so the packages' source maps still point at the right lines.
    writeFileSync(file, NATIVE_ASYNC_MARK + code, { mode: statSync(file).mode });
  }
  const rewritten = pending.reduce((total, p) => total + p.rewritten, 0);
  return { name: pkg.name, version: pkg.version, dir, files: pending.length, alreadyDone, rewritten, kept, unreadable };
}

export function rewriteInstalledBotbuilder(nodeModules: string): PackageReport[] {
  return botbuilderPackageDirs(nodeModules).map(rewritePackage);
}

/** Whether the installed botbuilder runs its turn path as native async functions (see nativeAsync.ts). */
export function botbuilderIsNativeAsync(): boolean {
  try {
    return readFileSync(require.resolve('botbuilder-core/lib/turnContext.js'), 'utf8').startsWith(NATIVE_ASYNC_MARK);
  } catch {
    return false;
  }
}
