/**
 * Reads an answer to "Are you under 18?" given as an age or in words ("I'm 16", "17 years old",
 * "over 18", "I'm an adult"). Yes and no go through the shared yes/no reader; this only adds what that
 * reader cannot know. Undefined means "not an age answer".
 */
export type AgeAnswer = 'under18' | 'adult';

const UNDER_WORDS =
  /\b(?:under|below|younger than|less than|not yet)\s*18\b|\b(?:teen|teenager|minor|high school|middle school|underage|under age)\b/;
const ADULT_WORDS =
  /\b(?:over|above|older than|at least)\s*18\b|\b18\s*(?:or|and)\s*(?:over|older|up)\b|\b(?:adult|grown up|grown-up|grownup)\b/;
const NEGATED = /\b(?:not|no|never|isn't|aren't|ain't)\b/;
const AGE = /\b(\d{1,3})\s*(?:years?|yrs?|y\/?o)?\b/g;

export function readAge(text: string): AgeAnswer | undefined {
  if (text.length > 200) return undefined;
  const said = text.normalize('NFKC').toLowerCase().replace(/[’']/g, "'");
  if (UNDER_WORDS.test(said)) return NEGATED.test(said) ? 'adult' : 'under18';
  if (ADULT_WORDS.test(said)) return NEGATED.test(said) ? 'under18' : 'adult';
  const ages = [...said.matchAll(AGE)].map((m) => Number(m[1])).filter((n) => n >= 8 && n <= 110);
  if (ages.length !== 1) return undefined;
  return ages[0] < 18 ? 'under18' : 'adult';
}
