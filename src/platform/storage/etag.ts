import { randomBytes } from 'node:crypto';

// A random prefix per process and a counter: unique across restarts and instances sharing one database,
// without asking the OS for random bytes on every write (that showed in the turn profile).
const PROCESS_PREFIX = randomBytes(6).toString('hex');
let counter = 0;

/** A new eTag for a stored state document. */
export function newETag(): string {
  counter += 1;
  return `${PROCESS_PREFIX}${counter.toString(36)}`;
}

/** A state write whose eTag no longer matches the stored one (both databases throw it). */
export class ETagConflictError extends Error {
  constructor(readonly key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'ETagConflictError';
  }
}
