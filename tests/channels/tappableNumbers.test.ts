import { DefaultRenderer } from '../../src/platform/channels/render';
import { linksAsPlainText } from '../../src/platform/channels/renderers/shared';
import { slackMessageOf } from '../../src/platform/channels/renderers/slack';
import { loadContent } from '../../src/platform/content/loader';
import { messageActivity, postActivity, startTestApp, type TestApp } from '../support/app';

/** Issue 20, item 5 (CONTRACTS item 1): crisis, support and hand-off numbers stay tappable on every channel. */
const content = loadContent('en');
const renderer = new DefaultRenderer(content);
const render = (key: string, channelId: string) => renderer.render({ text: content.text(key) }, channelId);

const NUMBERS: Array<[string, string, string]> = [
  // content key, link text, link address
  ['resources.crisisNumber', '988', 'tel:988'],
  ['resources.crisisText', 'text 988', 'sms:988'],
  ['resources.emergencyNumber', '911', 'tel:911'],
  ['resources.poisonNumber', '1-800-222-1222', 'tel:+18002221222'],
  ['resources.helplineNumber', '1-800-662-4357', 'tel:+18006624357'],
  ['resources.helplineTextLine', 'text your ZIP code to 435748', 'sms:435748'],
];

describe('numbers in content are markdown links (CONTRACTS item 1)', () => {
  test.each(NUMBERS)('%s is [%s](%s)', (key, label, url) => {
    expect(content.text(key)).toBe(`[${label}](${url})`);
  });

  test('the crisis, medical and support answers carry the links', () => {
    expect(content.text('safety.suicide.reachOut')).toContain('[988](tel:988)');
    expect(content.text('safety.suicide.reachOut')).toContain('[text 988](sms:988)');
    expect(content.text('safety.medical.text')).toContain('[911](tel:911)');
    expect(content.text('safety.medical.poison')).toContain('[1-800-222-1222](tel:+18002221222)');
    expect(content.text('safety.severeWithdrawal.help')).toContain('[1-800-662-4357](tel:+18006624357)');
  });

  test('"Get support now" names Poison Control with its number, beside 911, 988 and SAMHSA', () => {
    const support = content.text('support.text');
    for (const link of [
      '[911](tel:911)',
      '[988](tel:988)',
      '[1-800-222-1222](tel:+18002221222)',
      '[1-800-662-4357](tel:+18006624357)',
      '[findtreatment.gov](https://findtreatment.gov)',
    ]) {
      expect(support).toContain(link);
    }
    expect(support).toMatch(/Poison Control/);
  });
});

describe('each channel keeps the numbers tappable', () => {
  test('Slack: markdown links become <tel:988|988> in mrkdwn; the notification text shows plain numbers', () => {
    const activity = render('safety.suicide.reachOut', 'slack');
    const slack = slackMessageOf(activity);
    const section = JSON.stringify(slack.blocks);
    expect(section).toContain('<tel:988|988>');
    expect(section).toContain('<sms:988|text 988>');
    expect(section).toContain('<https://988lifeline.org|988lifeline.org>');
    expect(section).not.toContain('](');
    expect(slack.text).toContain('Call 988 or text 988');
    expect(slack.text).not.toMatch(/\]\(|tel:/);

    const medical = JSON.stringify(slackMessageOf(render('safety.medical.poison', 'slack')).blocks);
    expect(medical).toContain('<tel:+18002221222|1-800-222-1222>');
    expect(JSON.stringify(slackMessageOf(render('safety.medical.text', 'slack')).blocks)).toContain('<tel:911|911>');
  });

  test('Teams: the text is markdown with the links, and a card has a call button per number', () => {
    const activity = render('support.text', 'msteams');
    expect(activity.textFormat).toBe('markdown');
    expect(activity.text).toContain('[911](tel:911)');
    const card = activity.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
    const actions = (card?.content as { actions: Array<{ type: string; title: string; url: string }> }).actions;
    expect(actions).toEqual(
      expect.arrayContaining([
        { type: 'Action.OpenUrl', title: 'Call 911', url: 'tel:911' },
        { type: 'Action.OpenUrl', title: 'Call 988', url: 'tel:988' },
        { type: 'Action.OpenUrl', title: 'Text 988', url: 'sms:988' },
        { type: 'Action.OpenUrl', title: 'Call 1-800-222-1222', url: 'tel:+18002221222' },
        { type: 'Action.OpenUrl', title: 'Call 1-800-662-4357', url: 'tel:+18006624357' },
      ]),
    );
    // A message without numbers gets no call card.
    expect(render('menu.prompt', 'msteams').attachments).toBeUndefined();
  });

  test('Web Chat: the markdown links go to the page as they are (it renders them)', () => {
    expect(render('safety.medical.text', 'directline').text).toContain('[911](tel:911)');
  });

  test('plain-text channels (SMS, the terminal) show the numbers without markdown', () => {
    const text = render('support.text', 'sms').text ?? '';
    expect(text).toContain('call 911 now');
    expect(text).toContain('1-800-222-1222');
    expect(text).not.toMatch(/\]\(|tel:|sms:/);
    expect(linksAsPlainText('[findtreatment.gov](https://findtreatment.gov)')).toBe('findtreatment.gov');
    expect(linksAsPlainText('[Find care](https://findtreatment.gov)')).toBe('Find care (https://findtreatment.gov)');
  });
});

describe('over HTTP, a crisis answer on each channel', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.stop());

  test.each([
    ['slack', (r: string) => r.includes('<tel:988|988>')],
    ['msteams', (r: string) => r.includes('"url":"tel:988"')],
    ['directline', (r: string) => r.includes('[988](tel:988)')],
  ])('%s', async (channelId, tappable) => {
    const options = { conversationId: `tap-${channelId}`, userId: `tap-${channelId}-person`, channelId };
    await postActivity(t.baseUrl, messageActivity('hi', options));
    const { replies } = await postActivity(t.baseUrl, messageActivity('i want to end my life', options));
    expect(tappable(JSON.stringify(replies))).toBe(true);
  });
});
