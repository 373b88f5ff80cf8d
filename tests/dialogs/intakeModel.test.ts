import { FakeListChatModel } from '@langchain/core/utils/testing';
import { startTestApp, type TestApp } from '../support/app';
import { conversation } from '../support/intake';

describe('intake with a chat model configured', () => {
  let t: TestApp;
  const model = new FakeListChatModel({
    responses: [
      '{"dontKnow":false,"amount":2,"unit":"years","sinceMonth":null,"sinceYear":null}',
      '{"dontKnow":false,"quantity":4,"unit":"teaspoon","period":"day","perDose":false}',
      'no JSON here, sorry',
    ],
  });
  beforeAll(async () => {
    t = await startTestApp({ overrides: { model } });
  });
  afterAll(async () => t.stop());

  test('the model reads an odd answer; its result is still confirmed back, and a broken reply falls back to the rules', async () => {
    const c = (key: string, vars?: Record<string, string | number>) => t.app.services.content.text(key, vars);
    const chat = conversation(t, 'model');
    await chat.say('hi');
    await chat.say(c('menu.options.intake'));
    await chat.say(c('intake.questions.products.choices.leaf'));
    await chat.say(c('intake.skip.label'));
    expect(await chat.say('around when my second kid was born, so roughly two years back')).toEqual([
      c('intake.questions.startedAgo.confirm', { duration: '2 years' }),
    ]);
    await chat.say('yes');
    expect(await chat.say('a small heap in my palm, what a teaspoon holds, times four')).toEqual([
      `${c('intake.assumptions.teaspoon', { grams: 2.5 })} ${c('intake.questions.amount.confirm', { amount: '10 g' })}`,
    ]);
    await chat.say('yes');
    expect(await chat.say('12 g')).toEqual([c('intake.questions.amount.confirm', { amount: '12 g' })]);
    const outcomes = t.logs.lines.map((line) => JSON.parse(line)).filter((line) => line.msg === 'intake extraction');
    expect(outcomes.map((o) => [o.field, o.source])).toEqual([
      ['duration', 'model'],
      ['amount', 'model'],
      ['amount', 'rules-after-model-failure'],
    ]);
    expect(t.logs.text).not.toContain('palm');
  });
});
