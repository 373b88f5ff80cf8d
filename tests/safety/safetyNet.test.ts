import { loadContent } from '../../src/platform/content/loader';
import { detectDanger } from '../../src/features/safety/detect';
import { SafetyNet } from '../../src/features/safety/SafetyNet';
import { corpus } from './corpus';

describe("SafetyNet keeps results only for the bot's own texts", () => {
  const content = loadContent('en');

  test('content knows its own texts and list items, and nothing a person makes up', () => {
    expect(content.isOwnText(content.text('consent.options.yes'))).toBe(true);
    expect(content.isOwnText(content.list('privacy.commands.delete')[0])).toBe(true);
    expect(content.isOwnText(`${content.text('consent.options.yes')} please`)).toBe(false);
    expect(content.isOwnText('I want to die')).toBe(false);
  });

  test("a kept result is the lexicon's own, the first time and every time after", async () => {
    const asked: string[] = [];
    const net = new SafetyNet({ isOwnText: (text) => (asked.push(text), true) });
    for (let round = 0; round < 2; round++) {
      for (const { text } of corpus) expect(await net.assess(text)).toEqual(detectDanger(text));
    }
    expect(asked).toHaveLength(corpus.length * 2);
  });

  test('other texts are checked afresh each time, and the caution model is still asked', async () => {
    const modelSaw: string[] = [];
    const net = new SafetyNet({
      model: { name: 'fake', concerned: async (text) => (modelSaw.push(text), true) },
      isOwnText: () => false,
    });
    expect((await net.assess('rough week')).kind).toBe('ambiguous');
    expect((await net.assess('rough week')).kind).toBe('ambiguous');
    expect(modelSaw).toEqual(['rough week', 'rough week']);
  });
});
