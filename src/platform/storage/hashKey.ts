import { createHash } from 'node:crypto';

/** A SHA-256 (hex) of a key, for tables that must recognise a value without being able to show it. */
export function hashKey(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
