import type { Content } from '../../../platform/content/Content';
import { escapeRegExp, normalize } from '../../../platform/nlu/choices';
import { asksInLaterClause, asksSomething, startsLikeQuestion } from '../../explain/questions';
import type { Vocabulary } from './vocabulary';

/** A message ending in "?" with more words than this asks something, even when it names an amount. */
const QUESTION_MARK_WORDS = 5;

/**
 * A number with an amount word ("about 15 g", "3 scoops", "two shots"), not opening like a question and
 * holding no question cue from content.
 * "17 years", "day 2" and "I'm 17" are not amounts: no amount word.
 */
export function looksLikeAmount(text: string, vocabulary: Vocabulary, content: Content): boolean {
  // "I'm only on 3g a day, can I just stop?" asks something: the question is answered, the amount asked again.
  if (startsLikeQuestion(text, content) || asksSomething(text, content)) return false;
  // ...and so does a later sentence or clause that opens like a question ("on shots for a year, will my wd be worse"),
  // or a longer message ending in "?" ("7oh tabs less risky than powder?"); a short "like 5 g?" is still an answer.
  if (asksInLaterClause(text, content)) return false;
  if (text.trim().endsWith('?') && normalize(text).split(' ').length > QUESTION_MARK_WORDS) return false;
  const said = ` ${normalize(text)} `;
  if (/\d\s*(?:g|gr|grams?|mg)\b/.test(said)) return true;
  const shapes = amountShapes(vocabulary);
  return (/\d/.test(said) && shapes.unit.test(said)) || shapes.counted.test(said);
}

/** Per vocabulary: a unit anywhere, and a number word beside a unit. */
const SHAPES = new WeakMap<Vocabulary, { unit: RegExp; counted: RegExp }>();

function amountShapes(vocabulary: Vocabulary): { unit: RegExp; counted: RegExp } {
  const known = SHAPES.get(vocabulary);
  if (known) return known;
  const units = Object.values(vocabulary.units)
    .flat()
    .map((u) => escapeRegExp(normalize(u)))
    .filter(Boolean);
  const unit = `(?:${units.join('|') || '(?!)'})`;
  const count = 'one|two|three|four|five|six|seven|eight|nine|ten|half|couple|few';
  // A digit counts anywhere ("shots, like 3"); a number word only beside its unit ("a couple of shots",
  // "shots, maybe two"), so "need a plan to get off shots" is a request, not "a shot".
  const shapes = {
    unit: new RegExp(` ${unit} `),
    counted: new RegExp(` (?:a|an|${count})(?: \\S+){0,2} ${unit} | ${unit}(?: \\S+){0,2} (?:${count}) `),
  };
  SHAPES.set(vocabulary, shapes);
  return shapes;
}

/** A number that counts something other than a dose: an age ("I'm 17"), a span ("17 years"), a day ("day 2"). */
const NOT_A_DOSE = /\b(?:years?|yrs?|months?|weeks?|old|age|aged)\b|\bday \d+\b|\b(?:i m|im|i am) \d+\b/;

/** True when every reading of the message's numbers is something other than a dose, so none may be saved as one. */
export function numberIsNotADose(text: string, vocabulary: Vocabulary, content: Content): boolean {
  const said = normalize(text.replace(/['’]/g, ''));
  return /\d/.test(said) && NOT_A_DOSE.test(said) && !looksLikeAmount(text, vocabulary, content);
}
