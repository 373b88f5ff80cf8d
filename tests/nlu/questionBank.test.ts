import { loadContent } from '../../src/platform/content/loader';
import { QuestionBank } from '../../src/features/explain/questionBank';
import { INTENT_IDS, IntentMatcher } from '../../src/platform/nlu/intents';
import { programIntentPattern } from '../../src/features/program/commands';

const content = loadContent('en');
const bank = new QuestionBank(content);

describe('question bank', () => {
  test('at least 100 questions, each with several ways of asking, in the topics people ask about', () => {
    expect(bank.questions.length).toBeGreaterThanOrEqual(100);
    for (const q of bank.questions) expect(q.asks.length).toBeGreaterThanOrEqual(3);
    const topics = new Set(bank.questions.map((q) => q.topic));
    for (const topic of [
      'tolerance',
      'strains',
      'extracts',
      'sevenOh',
      'opioids',
      'withdrawal',
      'symptoms',
      'medicines',
      'mixing',
      'pregnancy',
      'teens',
      'taper',
      'coldTurkey',
      'relapse',
      'liver',
      'drugTests',
      'treatment',
      'privacy',
    ]) {
      expect(topics).toContain(topic);
    }
  });

  test('a question that names the request doing what it asks about (does) names a real request', () => {
    const linked = bank.questions.filter((q) => q.does !== undefined);
    expect(linked.length).toBeGreaterThanOrEqual(8);
    for (const q of linked) expect(INTENT_IDS as readonly string[]).toContain(q.does);
  });

  test('no answer gives a medicine dose, calls 7-OH safer, or calls mixing safe', () => {
    for (const q of bank.questions) {
      expect(q.answer).not.toMatch(/\b\d+(?:\.\d+)?\s*(?:mg|milligrams?|pills?|tablets?)\b/i);
      expect(q.answer).not.toMatch(/7-OH is (?:a )?safer|safer than kratom/i);
      expect(q.answer).not.toMatch(/(?:mixing|mix) (?:is|it is) (?:safe|fine|ok)/i);
    }
    expect(bank.get('sevenOh.is7ohSafer').answer).toMatch(/^No\./);
    expect(bank.get('medicines.loperamide').answer).toMatch(/heart/);
    expect(bank.get('withdrawal.peak').answer).toMatch(/days 2 to 4/);
    for (const id of ['symptoms.diarrhea', 'symptoms.restlessLegs', 'symptoms.sleep', 'symptoms.anxiety'])
      expect(bank.get(id).answer).toMatch(/pharmacist or doctor/);
  });

  test('a wording matches its own question; typos still match; nonsense matches nothing', () => {
    for (const q of bank.questions) expect(bank.find(q.title)).toMatchObject({ kind: 'match', id: q.id });
    expect(bank.find('how long does withdrawl last')).toMatchObject({ kind: 'match', id: 'withdrawal.timeline' });
    expect(bank.find('can i take immodium')).toMatchObject({ kind: 'match', id: 'medicines.loperamide' });
    expect(bank.find('purple elephant dance')).toEqual({ kind: 'none' });
  });
});

describe('requests in people words', () => {
  const intents = new IntentMatcher(content, { featurePatterns: [programIntentPattern(content)] });
  test.each([
    ['hi', 'greeting'],
    ['I want to cut down on kratom', 'intake'],
    ['I want to start the 12 week program', 'program'],
    ['start week 3', 'program'],
    ['can you check in with me every week?', 'checkins'],
    ['show me what data you have on me', 'exportData'],
    ['delet my data', 'deleteData'],
    ['is this privat', 'privacy'],
    ['Main Menu', 'startOver'],
    ['thx', 'thanks'],
    ['quit', 'goodbye'],
  ])('"%s" -> %s', (text, id) => {
    expect(intents.match(text)).toMatchObject({ kind: 'intent', id });
  });

  test('a sentence that only mentions a word is not the request', () => {
    expect(intents.match('my doctor cant help with anything')).not.toMatchObject({ kind: 'intent', id: 'help' });
  });
});

describe('check-in requests that sound alike', () => {
  const intents = new IntentMatcher(content, { featurePatterns: [programIntentPattern(content)] });
  test.each([
    ['lets do a check in now', 'checkInNow'],
    ['i want to do my check in', 'checkInNow'],
    ['check in with me every week', 'checkins'],
    ['take a break from check ins', 'pauseCheckIns'],
    ['turn the reminders back on', 'resumeCheckIns'],
    ['no more reminders', 'stopCheckIns'],
  ])('"%s" -> %s', (text, id) => {
    expect(intents.match(text)).toMatchObject({ kind: 'intent', id });
  });

  test('a bare "check ins" could be any of them: a tie, so the bot asks which one with buttons', () => {
    const match = intents.match('check ins');
    expect(match.kind).toBe('tie');
    expect(match.kind === 'tie' && match.ids).toEqual(expect.arrayContaining(['checkins', 'checkInNow']));
  });
});

describe('a long message with a story first', () => {
  const bank = new QuestionBank(content);
  test('the question at the end of a story is found', () => {
    const story =
      'ok so some backstory, i have been taking kratom for about four years, up to 25g a day, and i started ' +
      'tapering two weeks ago with my doctor. Since then it has been rough, my legs are going crazy every night ' +
      'and i cant lie still. What helps restless legs?';
    expect(bank.find(story)).toMatchObject({ kind: 'match', id: 'symptoms.restlessLegs' });
  });
});
