/**
 * Another person's danger told in the third person ("she hopes she does not wake up", "my dad says he
 * is going to shoot himself"). The rules are written for a person's own words; turning a third-person
 * clause into the first person lets the same rules read it, so a family member or friend at risk gets
 * the 988 answer (with the line for someone worried about another) without a second set of rules.
 *
 * Works on normalized clauses (normalize.ts): lower case, contractions expanded, one space between words.
 */
// "they" and "them" are left alone: as often as not they are the pills.
const THIRD_PERSON = /\b(?:he|she|him|his|her|himself|herself|themselves|themself)\b/;

/** Third-person verb forms the rules only know in the first person ("she hopes" -> "i hope"). */
const VERBS: Record<string, string> = {
  is: 'am',
  has: 'have',
  does: 'do',
  doesnt: 'do not',
  says: 'say',
  hopes: 'hope',
  wants: 'want',
  wishes: 'wish',
  plans: 'plan',
  thinks: 'think',
  keeps: 'keep',
  needs: 'need',
  feels: 'feel',
  cares: 'care',
  goes: 'go',
  tries: 'try',
  deserves: 'deserve',
  prays: 'pray',
  talks: 'talk',
  sees: 'see',
};

const NOT_A_NOUN = new Set([
  'and',
  'to',
  'that',
  'if',
  'so',
  'when',
  'about',
  'with',
  'off',
  'up',
  'out',
  'down',
  'in',
  'at',
  'on',
  'for',
  'again',
  'alone',
  'now',
  'last',
  'yet',
  'today',
  'tonight',
  'a',
  'the',
  'but',
  'or',
  'because',
]);

/**
 * The clause in the other person's voice. `objects`: whether "him" and "her" become "me" too ("hopes a
 * bus hits her"); not where the person speaks as "i" ("i want to take her on a trip").
 */
function shift(clause: string, objects: boolean): string {
  return (
    clause
      .replace(/\b(?:himself|herself|themselves|themself)\b/g, 'myself')
      .replace(/\b(?:he|she) (\w+)\b/g, (_m, verb: string) => `i ${VERBS[verb] ?? verb}`)
      .replace(/\b(?:he|she)$/g, 'i')
      .replace(/\bhis\b/g, 'my')
      // "her" is both "his" and "him": before a noun it is "my" ("her pills"), otherwise "me" ("found her").
      .replace(/\bher\b(?: (\w+))?/g, (m, next?: string) => {
        if (next && !NOT_A_NOUN.has(next)) return `my ${next}`;
        return objects ? `me${next ? ` ${next}` : ''}` : m;
      })
      .replace(/\bhim\b/g, (m) => (objects ? 'me' : m))
  );
}

/** True when a clause speaks of another person in the third person. */
export function speaksOfAnother(clause: string): boolean {
  return THIRD_PERSON.test(clause);
}

/** The clause in the other person's own voice, or the clause unchanged when it has no third person. */
export function inTheirVoice(clause: string): string {
  return speaksOfAnother(clause) ? shift(clause, !/\bi\b/.test(clause)) : clause;
}
