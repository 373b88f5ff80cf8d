import type { Content } from '../../platform/content/Content';
import { escapeRegExp, matchesPhrase, normalize } from '../../platform/nlu/choices';

/** What a person can ask of the program in their own words. */
export type ProgramCommand =
  | { kind: 'open' }
  | { kind: 'where' }
  | { kind: 'next' }
  | { kind: 'back' }
  | { kind: 'repeat' }
  | { kind: 'pause' }
  | { kind: 'skipAhead' }
  | { kind: 'goToWeek'; week: number };

type SimpleKind = Exclude<ProgramCommand['kind'], 'goToWeek'>;

/** Commands that work anywhere in the bot (whole-message match); the others only inside the program. */
export const GLOBAL_PROGRAM_COMMANDS: SimpleKind[] = ['open', 'where'];
const SESSION_COMMANDS: SimpleKind[] = ['next', 'back', 'repeat', 'pause', 'skipAhead'];

/**
 * Reads a program command from a whole message, using the phrase lists in content/<locale>/messages/program.yaml:
 * program.commands.<kind> and the week patterns ("go back to week {n}") with digits or number words.
 */
export function parseProgramCommand(
  text: string,
  content: Content,
  scope: 'global' | 'session' = 'session',
): ProgramCommand | undefined {
  const kinds = scope === 'global' ? GLOBAL_PROGRAM_COMMANDS : [...GLOBAL_PROGRAM_COMMANDS, ...SESSION_COMMANDS];
  const kind = kinds.find((k) => matchesPhrase(text, content.list(`program.commands.${k}`)));
  if (kind) return { kind };
  const week = weekNumberIn(text, content);
  return week === undefined ? undefined : { kind: 'goToWeek', week };
}

interface WeekMatcher {
  numberWords: string[];
  patterns: RegExp[];
}

/** The week patterns compiled once per content library (they are matched against every message). */
const weekMatchers = new WeakMap<Content, WeekMatcher>();

function weekMatcher(content: Content): WeekMatcher {
  let matcher = weekMatchers.get(content);
  if (!matcher) {
    const numberWords = content.list('program.numberWords').map(normalize);
    const number = `(\\d{1,2}|${numberWords.map(escape).join('|')})`;
    const patterns = content.list('program.weekPatterns').map((pattern) => {
      const [before, after = ''] = normalize(pattern.replace('{n}', ' NUMBERSLOT '))
        .split('numberslot')
        .map((part) => part.trim());
      return new RegExp(`^${[escapeRegExp(before), number, escapeRegExp(after)].filter(Boolean).join(' ')}$`);
    });
    matcher = { numberWords, patterns };
    weekMatchers.set(content, matcher);
  }
  return matcher;
}

function weekNumberIn(text: string, content: Content): number | undefined {
  const { numberWords, patterns } = weekMatcher(content);
  const said = normalize(text);
  for (const pattern of patterns) {
    const match = pattern.exec(said);
    if (!match) continue;
    const value = match[1];
    return /^\d+$/.test(value) ? Number(value) : numberWords.indexOf(value) + 1;
  }
  return undefined;
}

/** The program's week patterns as an intent for language understanding ("start week 3" asks for the program). */
export function programIntentPattern(content: Content): { id: 'program'; matches(text: string): boolean } {
  return { id: 'program', matches: (text) => parseProgramCommand(text, content, 'global') !== undefined };
}
