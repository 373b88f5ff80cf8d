/**
 * A 64-bit fingerprint of a string, as 16 hex characters: two 32-bit multiplicative hashes (FNV-1a and
 * one with another multiplier) over its UTF-16 code units. Fast and well spread; not for secrets.
 */
export function fingerprint64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    a = Math.imul(a ^ unit, 0x01000193);
    b = Math.imul(b ^ unit, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
