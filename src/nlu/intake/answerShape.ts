import type { Content } from '../../content/Content';
import { normalize } from '../choices';
import { startsLikeQuestion } from '../questions';
import type { Vocabulary } from './vocabulary';

/**
 * A number with an amount word ("about 15 g", "3 scoops", "two shots"), not opening like a question.
 * "17 years", "day 2" and "I'm 17" are not amounts: no amount word.
 */
export function looksLikeAmount(text: string, vocabulary: Vocabulary, content: Content): boolean {
  if (startsLikeQuestion(text, content)) return false;
  const said = ` ${normalize(text)} `;
  const number = /\d|\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|half|couple|few)\b/.test(said);
  const unit = Object.values(vocabulary.units).flat().some((u) => said.includes(` ${normalize(u)} `)) || /\d\s*(?:g|gr|grams?|mg)\b/.test(said);
  return number && unit;
}
