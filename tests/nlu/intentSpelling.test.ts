import { loadContent } from '../../src/platform/content/loader';
import { IntentMatcher } from '../../src/platform/nlu/intents';

/** The spelling fallback: run-together words reach their request; unrelated words reach nothing. */
describe('intent matching by spelling when no phrase shares enough words', () => {
  const matcher = new IntentMatcher(loadContent('en'));

  test.each([
    ['mainmenu', 'startOver'],
    ['checkinnow', 'checkInNow'],
    ['privacypolicy', 'privacy'],
    ['thankyou', 'thanks'],
  ])('"%s" -> %s', (text, id) => {
    expect(matcher.match(text)).toMatchObject({ kind: 'intent', id, exact: false });
  });

  test.each(['purple elephant', 'zebra crossing lights'])('"%s" reaches no request', (text) => {
    expect(matcher.match(text).kind).toBe('none');
  });
});
