import { decide } from '../../dialogs/menu/UnderstandingRouter';
import { programIntentPattern } from '../../src/features/program/commands';
import { Understanding } from '../../src/features/understanding/understand';
import { loadContent } from '../../src/platform/content/loader';

/** The router's decision for free text, at the menu and while the intake's question waits (as nlu:eval scores it). */
describe('decide: what the bot does with a message', () => {
  const content = loadContent('en');
  const understanding = new Understanding(content, { featurePatterns: [programIntentPattern(content)] });
  const at = (text: string, atMenu: boolean) =>
    decide(understanding.read(text), text, content, {
      atMenu,
      nothingOpen: false,
      explaining: false,
      opens: (id) => !atMenu && id === 'intake',
    });

  test.each([
    ['ok wait can you pause the check-ins for a month', 'pauseCheckIns'],
    ['hmm actually i want the check ins back', 'resumeCheckIns'],
    ['never mind all that, back to the main menu', 'startOver'],
  ])('opening words ("ok wait", "actually", "never mind all that") are dropped: "%s" -> %s', (text, id) => {
    expect(at(text, true)).toEqual({ kind: 'intent', id });
    expect(at(text, false)).toEqual({ kind: 'intent', id });
  });

  test('a phrase known word for word keeps its opening words ("nvm go back")', () => {
    expect(at('nvm go back', true)).toEqual({ kind: 'intent', id: 'startOver' });
  });

  test('thanks and goodbye inside a longer sentence are said back mid-intake too', () => {
    expect(at('Thank you kindly for your patience with me.', false)).toEqual({ kind: 'intent', id: 'thanks' });
    expect(at('I must be going now. Good night.', false)).toEqual({ kind: 'intent', id: 'goodbye' });
  });

  test('mid-intake, a symptom named alone is answered; plain answer words are left to the question', () => {
    expect(at('headache', false)).toEqual({ kind: 'answer', id: 'symptoms.headache' });
    expect(at('so sweaty', false)).toEqual({ kind: 'answer', id: 'symptoms.sweats' });
    expect(at('cant sleep', false)).toEqual({ kind: 'answer', id: 'symptoms.sleep' });
    for (const answer of ['a lot', 'about 5', 'not much']) expect(at(answer, false)).toEqual({ kind: 'pass' });
  });

  test('a request and a bank question in separate clauses offer both; with the intake open, the question is answered', () => {
    const text = 'i want to make a plan to quit, how long does withdrawal last?';
    expect(at(text, true)).toEqual({ kind: 'offerBoth', intent: 'intake', question: 'withdrawal.timeline' });
    expect(at(text, false)).toEqual({ kind: 'answer', id: 'withdrawal.timeline' });
    // Social words are not offered beside a question, and a story before a question is not a request.
    expect(at('thanks, how long does withdrawal last?', true)).toEqual({ kind: 'answer', id: 'withdrawal.timeline' });
    expect(at('my mother wants to stop taking kratom. is withdrawal dangerous at her age?', true)).not.toMatchObject({
      kind: 'offerBoth',
    });
  });

  test.each([
    ['can i speak to a human', 'support'],
    ['how do i delete my data', 'deleteData'],
    ['is there a way to see my progress', 'progress'],
    ['could we do the check in now', 'checkInNow'],
    ['how do i stop the messages', 'stopCheckIns'],
    ['could you stop messaging me please', 'stopCheckIns'],
  ])('asked as something for the bot to do, "%s" is done (%s), not answered from the bank', (text, id) => {
    expect(at(text, true)).toEqual({ kind: 'intent', id });
    expect(at(text, false)).toEqual({ kind: 'intent', id });
  });

  test('questions about kratom or the body that share a way of asking stay questions', () => {
    expect(at('how long does withdrawal last?', true)).toEqual({ kind: 'answer', id: 'withdrawal.timeline' });
    expect(at('can i take loperamide for withdrawal?', true)).toEqual({ kind: 'answer', id: 'medicines.loperamide' });
    expect(at('what can i do about restless legs', true)).toEqual({ kind: 'answer', id: 'symptoms.restlessLegs' });
  });

  test('a request after a story is read from its action on', () => {
    const text =
      'sorry for the long message, i have used kratom for three years and i hate it. could you help me make a plan to cut down';
    expect(at(text, true)).toEqual({ kind: 'intent', id: 'intake' });
  });

  test.each([
    ['ok that helped a lot, thank you', 'thanks'],
    ['you have been a big help this week, thank you', 'thanks'],
    ['gotta sleep now, talk tomorrow', 'goodbye'],
    ['i have to go to work now, see you', 'goodbye'],
    ['thank you, goodbye for now', 'goodbye'],
    ['good evening, how are you?', 'greeting'],
  ])('thanks, goodbye or hello in one clause of a longer message: "%s" -> %s', (text, id) => {
    expect(at(text, true)).toEqual({ kind: 'intent', id });
    expect(at(text, false)).toEqual({ kind: 'intent', id });
  });

  test('a clause that asks or tells something real is not small talk, and help now is not weakened', () => {
    expect(at('thanks, how long does withdrawal last?', true)).toEqual({ kind: 'answer', id: 'withdrawal.timeline' });
    expect(at('thanks. my legs are killing me', true)).not.toEqual({ kind: 'intent', id: 'thanks' });
    expect(at('thanks, can you make me a plan to quit', true)).toEqual({ kind: 'intent', id: 'intake' });
    // In a craving now, help comes first: not a choice beside a question, not another request's cue words.
    expect(at('what do i do right now, i want to use so bad', true)).toEqual({ kind: 'intent', id: 'helpNow' });
    expect(at('can you stay with me, i really want to take a shot right now', true)).toEqual({
      kind: 'intent',
      id: 'helpNow',
    });
    expect(at("i'm about to use, talk me out of it", false)).toEqual({ kind: 'intent', id: 'helpNow' });
    expect(at('is it all right to use imodium to get through the stomach problems?', true)).toEqual({
      kind: 'answer',
      id: 'medicines.loperamide',
    });
    const urge = 'day 2 and i want to use so bad, can you help me get through tonight';
    expect(at(urge, true)).toEqual({ kind: 'intent', id: 'helpNow' });
    expect(at(urge, false)).toEqual({ kind: 'intent', id: 'helpNow' });
  });

  test("a word the question bank knows is not taken for a typo of a request's word ('leaf' is not 'leave')", () => {
    expect(at('leaf', true)).not.toEqual({ kind: 'intent', id: 'goodbye' });
  });
});
