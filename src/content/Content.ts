/** Read-only access to the validated content library. Every user-facing sentence comes through here. */
export interface Content {
  readonly locale: string;
  /** A text by key, with {placeholders} filled from vars; throws on an unknown key or a missing var. */
  text(key: string, vars?: Record<string, string | number>): string;
  /** A list of short strings by key (button synonyms, command phrases). */
  list(key: string): string[];
  has(key: string): boolean;
  /** Every text key and its text, for the readability check. */
  entries(): Array<[key: string, text: string]>;
}

export class ContentError extends Error {
  constructor(readonly file: string, readonly field: string, problem: string) {
    super(`Content error in ${file} at ${field || '(root)'}: ${problem}`);
    this.name = 'ContentError';
  }
}

const PLACEHOLDER = /\{(\w+)\}/g;

export function fillPlaceholders(template: string, vars: Record<string, string | number> = {}, key = ''): string {
  return template.replace(PLACEHOLDER, (_match, name: string) => {
    if (!(name in vars)) throw new Error(`Content text ${key} needs a value for {${name}}`);
    return String(vars[name]);
  });
}
