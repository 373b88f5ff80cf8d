import type { BaseMessage } from '@langchain/core/messages';
import { FakeListChatModel } from '@langchain/core/utils/testing';
import { loadContent } from '../../src/platform/content/loader';
import { ExplainerPhraser, type PhrasingRequest, rephrasingProblem } from '../../src/features/explain/phrasing';

const topic = loadContent('en').explainer('tolerance-basics');
const request: PhrasingRequest = {
  question: 'why do I need more now?',
  answer: topic.summary,
  source: [topic.summary, ...topic.sections.map((s) => s.text)].join('\n\n'),
};
const GOOD =
  'You need more now because your body has adjusted to kratom. Your brain responds less, and your liver clears it faster. ' +
  'That is not weak will. It is what bodies do with something taken every day.';

/** A fake chat model that also keeps the prompts it was given. */
class RecordingFakeModel extends FakeListChatModel {
  readonly prompts: BaseMessage[][] = [];
  override async _generate(messages: BaseMessage[], options?: this['ParsedCallOptions']) {
    this.prompts.push(messages);
    return super._generate(messages, options);
  }
}

class FailingFakeModel extends FakeListChatModel {
  override async _generate(): Promise<never> {
    throw new Error('endpoint down');
  }
}

describe('explainer rephrasing with an optional chat model', () => {
  test('no model configured: the verbatim answer', async () => {
    const phraser = new ExplainerPhraser(undefined, { timeoutMs: 1000 });
    expect(phraser.enabled).toBe(false);
    expect(await phraser.phrase(request)).toEqual({ text: topic.summary, by: 'verbatim', reason: 'no model' });
  });

  test('success: a rephrasing that passes every check is used; the prompt holds only the question and the retrieved content', async () => {
    const model = new RecordingFakeModel({ responses: [`"${GOOD}"`] });
    const result = await new ExplainerPhraser(model, { timeoutMs: 5000 }).phrase(request);
    expect(result).toEqual({ text: GOOD, by: 'model' });
    const [system, human] = model.prompts[0];
    expect(system.text).toMatch(/Use only facts that are in SOURCE/);
    expect(human.text).toContain(request.question);
    expect(human.text).toContain(topic.sections[2].text);
    expect(human.text).not.toContain(loadContent('en').explainer('seven-oh').summary);
  });

  test.each([
    [
      'a number the source lacks',
      'Your body has adjusted, so take 20 grams less each week. Your brain and liver changed. It is normal.',
      'number not in the source',
    ],
    [
      'a number word the source lacks',
      'Your body has adjusted. Try cutting by half each week. Your brain and liver changed over time.',
      'number not in the source',
    ],
    [
      'a medicine the source lacks',
      'Your body has adjusted to kratom. Ask a doctor about methadone. Your brain and liver have changed.',
      'medicine name not in the source',
    ],
    [
      'a dose unit',
      'Your body has adjusted to kratom, so every dose of it does less. Each mg counts. Your liver clears it faster.',
      'medicine name not in the source',
    ],
    [
      'a link the source lacks',
      'Your body has adjusted to kratom. Your brain and liver changed. Read more at kratomfacts.com today.',
      'link not in the source',
    ],
    ['far too long', `${GOOD} ${GOOD} ${GOOD}`, 'too long'],
    ['too short', 'Tolerance.', 'too short'],
    [
      'too hard to read',
      'Pharmacokinetic adaptation, characterized by hepatic cytochrome induction, substantially accelerates elimination. ' +
        'Consequently, individuals experience progressively diminishing pharmacological effectiveness, necessitating escalating administration.',
      'reading grade too high',
    ],
    ['empty', '   ', 'empty'],
  ])('bad output (%s): the verbatim answer is used', async (_label, output, reason) => {
    expect(rephrasingProblem(output, request)).toBe(reason);
    const result = await new ExplainerPhraser(new FakeListChatModel({ responses: [output] }), {
      timeoutMs: 5000,
    }).phrase(request);
    expect(result).toEqual({ text: topic.summary, by: 'verbatim', reason });
  });

  test('a slow model: the verbatim answer after the timeout', async () => {
    const slow = new FakeListChatModel({ responses: [GOOD], sleep: 500 });
    const result = await new ExplainerPhraser(slow, { timeoutMs: 50 }).phrase(request);
    expect(result).toEqual({ text: topic.summary, by: 'verbatim', reason: 'timeout' });
    await new Promise((resolve) => setTimeout(resolve, 500)); // let the fake model's own timer finish before the suite ends
  });

  test('a failing model: the verbatim answer', async () => {
    const result = await new ExplainerPhraser(new FailingFakeModel({ responses: [] }), { timeoutMs: 1000 }).phrase(
      request,
    );
    expect(result).toEqual({ text: topic.summary, by: 'verbatim', reason: 'model error' });
  });
});
