import type { Activity } from 'botbuilder';
import { loadContent } from '../../src/platform/content/loader';
import { channelFamily, DefaultRenderer } from '../../src/platform/channels/render';
import type { OutboundMessage } from '../../src/platform/channels/messages';
import { slackMessageOf, SLACK_CHOICES_BLOCK, toMrkdwn } from '../../src/platform/channels/renderers/slack';
import { buttonAnswerOf } from '../../src/platform/channels/buttonAnswers';
import { recognizeChoice } from '../../src/platform/nlu/choices';
import { handoffMessage } from '../../src/features/intake/handoff';
import { encodePng } from '../../src/features/checkins/png';

const content = loadContent('en');
const renderer = new DefaultRenderer(content);

const WEB = ['directline', 'webchat', 'emulator', 'test'];
const TEXT = ['terminal', 'sms', 'unknown-channel'];
const ALL = [...WEB, 'msteams', 'slack', ...TEXT];

const chart = encodePng(
  2,
  2,
  new Uint8Array(4 * 3).map((_, i) => [10, 20, 30][i % 3]),
);
const choices = [
  { value: 'support', label: 'Get support now' },
  { value: 'about', label: 'About Steady' },
];
const kinds: Record<string, OutboundMessage> = {
  text: { text: 'Plain **words** & <signs>' },
  choices: { text: 'Pick one', choices },
  card: handoffMessage(content, '30301'),
  file: { text: 'your data', files: [{ name: 'data.json', contentType: 'application/json', content: '{"a":1}' }] },
  omittedFile: {
    text: 'summary',
    files: [{ name: 's.txt', contentType: 'text/plain', content: 'Amount now: 12 g', withoutFiles: 'omit' }],
  },
  image: {
    text: 'Your week',
    images: [{ name: 'chart.png', contentType: 'image/png', data: chart, altText: 'Doses fell from 12 to 9 grams' }],
  },
  linkedImage: {
    text: 'Your week',
    images: [
      {
        name: 'chart.png',
        contentType: 'image/png',
        data: chart,
        altText: 'Doses fell',
        url: 'https://example.org/c.png',
      },
    ],
  },
};
const card = kinds.card.card!;
const fileText = `${content.text('files.asText', { name: 'data.json' })}\n{"a":1}`;
const imageText = content.text('files.imageAsText', { altText: 'Doses fell from 12 to 9 grams' });
const cardOf = (a: Partial<Activity>, i = 0) => a.attachments![i].content;

describe('channel families', () => {
  test.each([
    ...WEB.map((c) => [c, 'webchat']),
    ['msteams', 'teams'],
    ['slack', 'slack'],
    ...TEXT.map((c) => [c, 'text']),
  ])('%s -> %s', (channel, family) => {
    expect(channelFamily(channel)).toBe(family);
  });
});

describe('every message kind renders on every channel', () => {
  test.each(ALL)('%s: plain text is the text, and always a message', (channel) => {
    const activity = renderer.render(kinds.text, channel);
    expect(activity.type).toBe('message');
    expect(activity.text).toBe('Plain **words** & <signs>');
    expect(activity.suggestedActions).toBeUndefined();
  });

  test.each(ALL)('%s: the text of every kind survives somewhere the person sees it', (channel) => {
    for (const message of Object.values(kinds)) expect(renderer.render(message, channel).text).toContain(message.text);
  });
});

describe('Web Chat', () => {
  test.each(WEB)('%s: choices are suggested actions that post the label back', (channel) => {
    const activity = renderer.render(kinds.choices, channel);
    expect(activity.text).toBe('Pick one');
    expect(activity.suggestedActions?.actions).toEqual(
      choices.map((c) => ({ type: 'imBack', title: c.label, value: c.label })),
    );
    expect(activity.attachments).toBeUndefined();
  });

  test.each(WEB)('%s: a resource card is an Adaptive Card 1.5 with open-url actions', (channel) => {
    const activity = renderer.render(kinds.card, channel);
    expect(activity.text).toBe(kinds.card.text);
    expect(activity.attachments).toHaveLength(1);
    expect(activity.attachments![0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardOf(activity).version).toBe('1.5');
    expect(cardOf(activity).body[0]).toMatchObject({ type: 'TextBlock', text: card.title, wrap: true });
    expect(cardOf(activity).actions.map((a: { url: string }) => a.url)).toEqual([
      'https://findtreatment.gov/locator?sAddr=30301',
      'tel:+18006624357',
      'sms:435748?&body=30301',
    ]);
  });

  test.each(WEB)('%s: files download as data: URLs, even the ones other channels omit', (channel) => {
    expect(renderer.render(kinds.omittedFile, channel).attachments).toEqual([
      {
        contentType: 'text/plain',
        name: 's.txt',
        contentUrl: `data:text/plain;charset=utf-8;base64,${Buffer.from('Amount now: 12 g').toString('base64')}`,
      },
    ]);
    expect(renderer.render(kinds.file, channel).text).toBe('your data');
  });

  test.each(WEB)('%s: a picture is an inline data: URL image', (channel) => {
    const activity = renderer.render(kinds.image, channel);
    expect(activity.attachments).toEqual([
      {
        contentType: 'image/png',
        name: 'Doses fell from 12 to 9 grams',
        contentUrl: `data:image/png;base64,${chart.toString('base64')}`,
      },
    ]);
  });

  test('buttons still render alongside a card', () => {
    const activity = renderer.render(
      { ...kinds.card, choices: [{ value: 'menu', label: 'Back to the menu' }] },
      'webchat',
    );
    expect(activity.suggestedActions?.actions.map((a) => a.title)).toEqual(['Back to the menu']);
    expect(activity.attachments).toHaveLength(1);
  });
});

describe('Microsoft Teams', () => {
  test('choices are an Adaptive Card of Action.Submit buttons that post the label as an imBack', () => {
    const activity = renderer.render(kinds.choices, 'msteams');
    expect(activity.suggestedActions).toBeUndefined();
    expect(activity.attachments).toHaveLength(1);
    const choiceCard = cardOf(activity);
    expect(choiceCard.version).toBe('1.5');
    expect(choiceCard.actions).toEqual(
      choices.map((c) => ({
        type: 'Action.Submit',
        title: c.label,
        data: { msteams: { type: 'imBack', value: c.label }, choice: c.label },
      })),
    );
    // What Teams posts back is recognised by the prompt.
    for (const action of choiceCard.actions)
      expect(recognizeChoice(action.data.msteams.value, choices)?.label).toBe(action.title);
  });

  test('a resource card is an Adaptive Card, and choices come after it as their own card', () => {
    const activity = renderer.render({ ...kinds.card, choices }, 'msteams');
    expect(activity.attachments).toHaveLength(2);
    expect(cardOf(activity, 0).body[0].text).toBe(card.title);
    expect(cardOf(activity, 0).actions[0]).toMatchObject({
      type: 'Action.OpenUrl',
      url: 'https://findtreatment.gov/locator?sAddr=30301',
    });
    expect(cardOf(activity, 1).actions.map((a: { title: string }) => a.title)).toEqual(choices.map((c) => c.label));
  });

  test('files follow as text (Teams bots need a consent flow to send files); omitted files are left out', () => {
    expect(renderer.render(kinds.file, 'msteams')).toEqual({ type: 'message', text: `your data\n\n${fileText}` });
    expect(renderer.render(kinds.omittedFile, 'msteams')).toEqual({ type: 'message', text: 'summary' });
  });

  test('a picture is an inline image attachment', () => {
    const activity = renderer.render(kinds.image, 'msteams');
    expect(activity.attachments).toEqual([
      {
        contentType: 'image/png',
        name: 'Doses fell from 12 to 9 grams',
        contentUrl: `data:image/png;base64,${chart.toString('base64')}`,
      },
    ]);
  });
});

describe('Slack (Block Kit in channelData)', () => {
  const blocksOf = (a: Partial<Activity>) => slackMessageOf(a).blocks as Array<Record<string, any>>;

  test('text is an escaped mrkdwn section, with a plain fallback', () => {
    const activity = renderer.render(kinds.text, 'slack');
    expect(activity.channelData).toEqual({
      text: 'Plain **words** & <signs>',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Plain *words* &amp; &lt;signs&gt;' } }],
    });
    expect(toMrkdwn('a < b & **c**')).toBe('a &lt; b &amp; *c*');
  });

  test('choices are buttons whose value is the label; the fallback text numbers them', () => {
    const activity = renderer.render(kinds.choices, 'slack');
    const actions = blocksOf(activity).find((b) => b.block_id === SLACK_CHOICES_BLOCK)!;
    expect(actions.type).toBe('actions');
    expect(actions.elements).toEqual(
      choices.map((c, i) => ({
        type: 'button',
        action_id: `choice-${i}`,
        text: { type: 'plain_text', text: c.label },
        value: c.label,
      })),
    );
    expect(activity.text).toBe(
      `Pick one\n${content.text('choices.numbered', { number: 1, label: choices[0].label })}\n${content.text('choices.numbered', { number: 2, label: choices[1].label })}`,
    );
    expect(activity.suggestedActions).toBeUndefined();
    // A click posted through Azure's Slack channel arrives as the raw payload; its value picks the option.
    const clicked = buttonAnswerOf({
      type: 'message',
      text: '',
      channelData: { Payload: { actions: [{ value: actions.elements[1].value }] } },
    });
    expect(recognizeChoice(clicked!, choices)?.value).toBe('about');
  });

  test('a resource card is a header, its lines, phone and text links as plain lines, and web links as url buttons', () => {
    const blocks = blocksOf(renderer.render(kinds.card, 'slack'));
    expect(blocks[1]).toEqual({ type: 'header', text: { type: 'plain_text', text: card.title } });
    expect(blocks[2].text.text).toContain('1-800-662-4357');
    const links = blocks[3];
    expect(links.type).toBe('actions');
    expect(links.elements.map((e: { url: string }) => e.url)).toEqual([
      'https://findtreatment.gov/locator?sAddr=30301',
    ]);
  });

  test('files follow as text; pictures without a public url become their description, with one an image block', () => {
    expect(renderer.render(kinds.file, 'slack').text).toBe(`your data\n\n${fileText}`);
    expect(renderer.render(kinds.omittedFile, 'slack').text).toBe('summary');
    expect(blocksOf(renderer.render(kinds.image, 'slack'))[1]).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: toMrkdwn(imageText) }],
    });
    expect(blocksOf(renderer.render(kinds.linkedImage, 'slack'))[1]).toEqual({
      type: 'image',
      image_url: 'https://example.org/c.png',
      alt_text: 'Doses fell',
    });
    expect(renderer.render(kinds.image, 'slack').attachments).toBeUndefined();
  });

  test('a long text is split into sections within Slack’s 3000-character limit', () => {
    const blocks = blocksOf(renderer.render({ text: 'x'.repeat(7000) }, 'slack'));
    expect(blocks.map((b) => b.text.text.length)).toEqual([3000, 3000, 1000]);
  });

  test('an activity without channelData still becomes a Slack message', () => {
    expect(slackMessageOf({ type: 'message', text: 'hi & bye' })).toEqual({
      text: 'hi & bye',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'hi &amp; bye' } }],
    });
  });
});

describe('plain text channels', () => {
  test.each(TEXT)('%s: choices are numbered, and the number or the words pick them', (channel) => {
    const activity = renderer.render(kinds.choices, channel);
    expect(activity).toEqual({ type: 'message', text: `Pick one\n1. ${choices[0].label}\n2. ${choices[1].label}` });
    expect(recognizeChoice('2', choices)?.value).toBe('about');
    expect(recognizeChoice('about steady', choices)?.value).toBe('about');
  });

  test.each(TEXT)('%s: card, file and picture as text lines', (channel) => {
    const cardText = renderer.render(kinds.card, channel).text!;
    expect(cardText).toContain(
      content.text('resources.handoff.findTreatment.plain', { url: 'https://findtreatment.gov/locator?sAddr=30301' }),
    );
    expect(cardText).toContain('1-800-662-4357');
    expect(renderer.render(kinds.file, channel)).toEqual({ type: 'message', text: `your data\n\n${fileText}` });
    expect(renderer.render(kinds.omittedFile, channel)).toEqual({ type: 'message', text: 'summary' });
    expect(renderer.render(kinds.image, channel)).toEqual({ type: 'message', text: `Your week\n${imageText}` });
  });
});

describe('button answers', () => {
  test('an Action.Submit value becomes the text; typed text is never replaced', () => {
    expect(
      buttonAnswerOf({ type: 'message', text: undefined as unknown as string, value: { choice: 'About Steady' } }),
    ).toBe('About Steady');
    expect(buttonAnswerOf({ type: 'message', text: 'typed', value: { choice: 'About Steady' } })).toBeUndefined();
    expect(buttonAnswerOf({ type: 'message', text: '', value: { other: 1 } })).toBeUndefined();
    expect(buttonAnswerOf({ type: 'conversationUpdate', text: '', value: { choice: 'x' } })).toBeUndefined();
  });
});
