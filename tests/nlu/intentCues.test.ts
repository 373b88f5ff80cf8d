import { loadContent } from '../../src/platform/content/loader';
import { IntentMatcher } from '../../src/platform/nlu/intents';

/** The cue rules and the ranked search: wordings no phrase holds still reach their request, with a margin. */
describe('intent matching by cue words and ranked search', () => {
  const matcher = new IntentMatcher(loadContent('en'));

  test.each([
    ['please forget everything you know about me', 'deleteData'],
    ['i want to download a copy of what you saved', 'exportData'],
    ['could you snooze the check-ins while i travel', 'pauseCheckIns'],
    ['no more check-in messages please', 'stopCheckIns'],
    ['i am ready to get off kratom for good', 'intake'],
    ['i would like to speak with a counselor', 'support'],
    // Families added from train-k's misses, in other words than its rows.
    ['could you freeze my reminders until i get back', 'pauseCheckIns'],
    ['please undo the pause', 'resumeCheckIns'],
    ['never send me check-in messages again', 'stopCheckIns'],
    ['i want to keep a backup of my logs', 'exportData'],
    ['who runs this app', 'about'],
    ['i need to see a therapist', 'support'],
    ['talk me down, i am about to order more', 'helpNow'],
    ['what did i log the first week', 'progress'],
    ['take me home', 'startOver'],
    ['i would like a schedule to cut back', 'intake'],
  ])('"%s" -> %s', (text, id) => {
    expect(matcher.match(text)).toMatchObject({ kind: 'intent', id });
  });

  test('a cue word ruled out by "!" does not count: pausing is not stopping', () => {
    expect(matcher.match('stop the check-ins for a few days')).not.toMatchObject({
      kind: 'intent',
      id: 'stopCheckIns',
    });
  });

  test('one cue word names a request only in a short message', () => {
    expect(matcher.match('ok bye')).toMatchObject({ kind: 'intent', id: 'goodbye' });
    expect(matcher.match('my legs wont stay still at night')).not.toMatchObject({ kind: 'intent', id: 'goodbye' });
  });

  test('thanks and goodbye ("^" rules) count in a longer message when they open or close it, not in its middle', () => {
    expect(matcher.match('Thank you kindly for your patience with me.')).toMatchObject({
      kind: 'intent',
      id: 'thanks',
    });
    expect(matcher.match('I must be going now. Good night.')).toMatchObject({ kind: 'intent', id: 'goodbye' });
    expect(matcher.match('I go now, bye bye')).toMatchObject({ kind: 'intent', id: 'goodbye' });
    expect(matcher.match('my sister said bye and then the cravings came back')).not.toMatchObject({
      kind: 'intent',
      id: 'goodbye',
    });
  });

  test('two requests equally likely are a tie, so the person is asked', () => {
    expect(matcher.match('what data do you have on me')).toMatchObject({ kind: 'tie' });
  });

  test('a number in a cue rule ("day {n}") matches any number, and the program\'s own words are not requests', () => {
    expect(matcher.match('day 3 and the withdrawal is killing me')).toMatchObject({
      kind: 'intent',
      id: 'helpNow',
      cue: true,
    });
    expect(matcher.match('skip ahead').kind).toBe('none');
    expect(matcher.match('hold my check-ins for 2 weeks')).toMatchObject({ kind: 'intent', id: 'pauseCheckIns' });
  });

  test('nothing clear reaches no request', () => {
    expect(matcher.match('the weather was nice by the lake').kind).toBe('none');
  });
});
