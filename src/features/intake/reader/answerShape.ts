import type { Content } from '../../../platform/content/Content';
import { normalize } from '../../../platform/nlu/choices';
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
  const number = /\d|\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|half|couple|few)\b/.test(said);
  const unit =
    Object.values(vocabulary.units)
      .flat()
      .some((u) => said.includes(` ${normalize(u)} `)) || /\d\s*(?:g|gr|grams?|mg)\b/.test(said);
  return number && unit;
}

/** A number that counts something other than a dose: an age ("I'm 17"), a span ("17 years"), a day ("day 2"). */
const NOT_A_DOSE = /\b(?:years?|yrs?|months?|weeks?|old|age|aged)\b|\bday \d+\b|\b(?:i m|im|i am) \d+\b/;

/** True when every reading of the message's numbers is something other than a dose, so none may be saved as one. */
export function numberIsNotADose(text: string, vocabulary: Vocabulary, content: Content): boolean {
  const said = normalize(text.replace(/['’]/g, ''));
  return /\d/.test(said) && NOT_A_DOSE.test(said) && !looksLikeAmount(text, vocabulary, content);
}
