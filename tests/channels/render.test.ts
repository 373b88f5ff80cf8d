import { loadContent } from '../../src/content/loader';
import { DefaultRenderer } from '../../src/channels/render';
import type { OutboundMessage } from '../../src/channels/messages';
import { handoffMessage } from '../../src/intake/handoff';

const content = loadContent('en');
const renderer = new DefaultRenderer(content);

describe('rendering cards and files', () => {
  const card = handoffMessage(content, '30301');
  const withFile: OutboundMessage = {
    text: 'summary',
    files: [{ name: 'steady-summary.txt', contentType: 'text/plain', content: 'Amount now: 12 g', withoutFiles: 'omit' }],
  };
  const exportFile: OutboundMessage = { text: 'your data', files: [{ name: 'data.json', contentType: 'application/json', content: '{"a":1}' }] };

  test.each(['directline', 'webchat', 'emulator', 'test', 'msteams'])('%s gets an Adaptive Card (1.5) with open-url actions', (channel) => {
    const activity = renderer.render(card, channel);
    expect(activity.text).toBe(card.text);
    expect(activity.attachments).toHaveLength(1);
    const [attachment] = activity.attachments!;
    expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(attachment.content.version).toBe('1.5');
    expect(attachment.content.body[0]).toMatchObject({ type: 'TextBlock', text: content.text('resources.handoff.title'), wrap: true });
    expect(attachment.content.actions.map((a: { url: string }) => a.url)).toEqual(['https://findtreatment.gov/locator?sAddr=30301', 'tel:+18006624357', 'sms:435748?&body=30301']);
  });

  test.each(['slack', 'terminal', 'sms', 'unknown-channel'])('%s gets the card as plain text lines', (channel) => {
    const activity = renderer.render(card, channel);
    expect(activity.attachments).toBeUndefined();
    expect(activity.text).toContain(content.text('resources.handoff.findTreatment.plain', { url: 'https://findtreatment.gov/locator?sAddr=30301' }));
    expect(activity.text).toContain('1-800-662-4357');
  });

  test('a file downloads as a data: URL in the web widget channels only', () => {
    const web = renderer.render(withFile, 'webchat');
    expect(web.attachments).toEqual([
      { contentType: 'text/plain', name: 'steady-summary.txt', contentUrl: `data:text/plain;charset=utf-8;base64,${Buffer.from('Amount now: 12 g').toString('base64')}` },
    ]);
    expect(renderer.render(withFile, 'msteams').attachments).toBeUndefined();
    expect(renderer.render(withFile, 'slack')).toEqual({ type: 'message', text: 'summary' });
  });

  test('without file support, a file marked appendText follows the message as text', () => {
    const slack = renderer.render(exportFile, 'slack');
    expect(slack.attachments).toBeUndefined();
    expect(slack.text).toBe(`your data\n\n${content.text('files.asText', { name: 'data.json' })}\n{"a":1}`);
    expect(renderer.render(exportFile, 'msteams').text).toContain('{"a":1}');
  });

  test('buttons still render alongside a card', () => {
    const activity = renderer.render({ ...card, choices: [{ value: 'menu', label: 'Back to the menu' }] }, 'webchat');
    expect(activity.suggestedActions?.actions.map((a) => a.title)).toEqual(['Back to the menu']);
    expect(activity.attachments).toHaveLength(1);
  });
});
