import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { ROOT_DIR } from '../paths';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

const WEB_DIR = join(ROOT_DIR, 'src', 'platform', 'web');
/** Compressed copies live beside other tools' caches: made once per bundle version, never committed. */
export const ASSET_CACHE_DIR = join(ROOT_DIR, 'node_modules', '.cache', 'steady-web');

export type Encoding = 'br' | 'gzip';

interface AssetSource {
  /** The page's name for it; the served URL adds a content hash. */
  name: string;
  file: string;
  type: string;
  /** Under which path it is served: /static or /webchat. */
  prefix: string;
}

/** Everything the chat page loads, all from this server: no CDN, works offline. */
export const ASSET_SOURCES: AssetSource[] = [
  {
    name: 'steady.css',
    file: join(WEB_DIR, 'public', 'steady.css'),
    type: 'text/css; charset=utf-8',
    prefix: '/static',
  },
  {
    name: 'steady-chat.js',
    file: join(WEB_DIR, 'public', 'steady-chat.js'),
    type: 'text/javascript; charset=utf-8',
    prefix: '/static',
  },
  { name: 'favicon.svg', file: join(WEB_DIR, 'public', 'favicon.svg'), type: 'image/svg+xml', prefix: '/static' },
  {
    name: 'webchat.js',
    file: join(dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js'),
    type: 'text/javascript; charset=utf-8',
    prefix: '/webchat',
  },
];

export interface HashedAsset {
  name: string;
  type: string;
  hash: string;
  /** /static/steady-chat.1a2b3c4d5e.js */
  url: string;
  file: string;
}

const HASH_INDEX = join(ASSET_CACHE_DIR, 'hashes.json');
type HashIndex = Record<string, { size: number; mtimeMs: number; hash: string }>;

function readIndex(): HashIndex {
  try {
    return JSON.parse(readFileSync(HASH_INDEX, 'utf8')) as HashIndex;
  } catch {
    return {};
  }
}

/** Writes through a temporary name, so two processes making the same file never read half of one. */
function writeAtomically(file: string, data: Buffer | string): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, data);
    renameSync(temporary, file);
  } catch {
    // A read-only install: the copy stays in memory for this run.
  }
}

/**
 * Each asset with a content hash in its URL, so browsers may keep it for a year. The hash of the
 * large Web Chat bundle is remembered by size and modification time, so a start reads no bundle.
 */
export function hashAssets(sources: AssetSource[] = ASSET_SOURCES): HashedAsset[] {
  const index = readIndex();
  let changed = false;
  const assets = sources.map((source) => {
    const { size, mtimeMs } = statSync(source.file);
    let known = index[source.file];
    if (!known || known.size !== size || known.mtimeMs !== mtimeMs) {
      const hash = createHash('sha256').update(readFileSync(source.file)).digest('hex').slice(0, 12);
      known = index[source.file] = { size, mtimeMs, hash };
      changed = true;
    }
    const ext = extname(source.name);
    return {
      name: source.name,
      type: source.type,
      hash: known.hash,
      file: source.file,
      url: `${source.prefix}/${basename(source.name, ext)}.${known.hash}${ext}`,
    };
  });
  if (changed) writeAtomically(HASH_INDEX, JSON.stringify(index));
  return assets;
}

const cachedCopy = (asset: HashedAsset, encoding: Encoding) =>
  join(ASSET_CACHE_DIR, `${basename(asset.url)}.${encoding === 'br' ? 'br' : 'gz'}`);

/** Compresses as hard as each format goes: done once per version, then read from the cache. */
function compress(encoding: Encoding, plain: Buffer): Promise<Buffer> {
  return encoding === 'br'
    ? brotliAsync(plain, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: plain.length } })
    : gzipAsync(plain, { level: 9 });
}

/** The asset's compressed copy from the cache, or made now (and kept for the next start). */
export async function compressedCopy(asset: HashedAsset, encoding: Encoding, plain?: Buffer): Promise<Buffer> {
  const file = cachedCopy(asset, encoding);
  try {
    return await readFile(file);
  } catch {
    const made = await compress(encoding, plain ?? (await readFile(asset.file)));
    writeAtomically(file, made);
    return made;
  }
}

/** Which encoding to send: brotli when the browser takes it, then gzip, else none. */
export function pickEncoding(acceptEncoding: string | undefined): Encoding | undefined {
  const accepted = String(acceptEncoding ?? '')
    .split(',')
    .map((part) => part.trim().split(';'))
    .filter(([, ...params]) => !params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p)))
    .map(([name]) => name.trim().toLowerCase());
  if (accepted.includes('br')) return 'br';
  if (accepted.includes('gzip')) return 'gzip';
  return undefined;
}
