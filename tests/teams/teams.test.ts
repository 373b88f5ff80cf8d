import type { Activity } from 'botbuilder';
import { grantConsent, postActivity, startTestApp, type TestApp, welcomeTexts } from '../support/app';
import { TEAMS_BOT, teamsBotAdded, teamsInstall, teamsMessage, teamsSubmit } from '../support/teams';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { ALLOWED_SERVICE_HOSTS: 'smba.trafficmanager.net' } });
});
afterAll(async () => t.stop());

const content = () => t.app.services.content;
/** Every main-menu label, read from content so the test follows the menu. */
const menuLabels = () => content().entries().filter(([key]) => key.startsWith('menu.options.')).map(([, label]) => label);
const buttonsOf = (reply: Partial<Activity>) =>
  (reply.attachments ?? []).flatMap((a) => (a.content.actions ?? []) as Array<{ type: string; title: string; data?: { msteams?: { type: string; value: string } } }>);

async function send(activity: unknown): Promise<Partial<Activity>[]> {
  const { status, replies } = await postActivity(t.baseUrl, activity);
  expect(status).toBe(200);
  return replies;
}

describe('Teams, personal scope', () => {
  test('installing the app welcomes the person and shows the menu as card buttons; where to reach them is kept once they agree', async () => {
    const replies = await send(teamsInstall('personal', 'install'));
    expect(replies.map((r) => r.text)).toEqual(welcomeTexts(content()));
    const menu = replies[replies.length - 1];
    expect(menu.suggestedActions).toBeUndefined();
    const buttons = buttonsOf(menu);
    expect(buttons.map((b) => b.title).sort()).toEqual(menuLabels().sort());
    for (const b of buttons) expect([b.type, b.data?.msteams]).toEqual(['Action.Submit', { type: 'imBack', value: b.title }]);
    expect(await t.app.services.store.people.get('msteams:29:1install')).toBeDefined();
    // Nothing to reach them by is kept before they agree to the privacy note (check-ins need that anyway).
    expect(await t.app.references.get('msteams:29:1install')).toBeUndefined();

    // Teams also sends conversationUpdate with the bot as the member added: no second welcome.
    expect(await send(teamsBotAdded('personal', 'install'))).toEqual([]);

    await grantConsent(t, 'msteams:29:1install');
    await send(teamsMessage('personal', 'hi', 'install'));
    const reference = await t.app.references.get('msteams:29:1install');
    expect(reference).toMatchObject({ channelId: 'msteams', serviceUrl: 'https://smba.trafficmanager.net/amer/', conversation: { id: 'a:1personal-install' }, bot: TEAMS_BOT });
    expect(reference).not.toHaveProperty('activityId');
  });

  test('when the conversationUpdate comes first, it welcomes; the installationUpdate after it adds nothing', async () => {
    const replies = await send(teamsBotAdded('personal', 'order'));
    expect(replies.map((r) => r.text)).toEqual(welcomeTexts(content()));
    expect(await send(teamsInstall('personal', 'order'))).toEqual([]);
  });

  test('a button click (imBack posts the label), a typed number and typed words all pick from the menu', async () => {
    await send(teamsInstall('personal', 'click'));
    const about = content().text('about.text');
    const support = content().text('support.text');
    const installed = await send(teamsInstall('personal', 'click2'));
    const order = buttonsOf(installed[installed.length - 1]).map((b) => b.title);
    expect((await send(teamsMessage('personal', content().text('menu.options.about'), 'click')))[0].text).toBe(about);
    const second = order[1] === content().text('menu.options.about') ? about : order[1] === content().text('menu.options.support') ? support : undefined;
    expect(second).toBeDefined();
    expect((await send(teamsMessage('personal', '2', 'click')))[0].text).toBe(second);
    expect((await send(teamsMessage('personal', 'support', 'click')))[0].text).toBe(support);
  });

  test('an Action.Submit without imBack (value only, no text) is read as the label', async () => {
    await send(teamsInstall('personal', 'submit'));
    const replies = await send(teamsSubmit({ choice: content().text('menu.options.support') }, 'submit'));
    expect(replies[0].text).toBe(content().text('support.text'));
  });

  test('a first message without an install event still welcomes, and the reference is kept once they agree', async () => {
    const replies = await send(teamsMessage('personal', 'hi', 'noinstall'));
    expect(replies[0].text).toBe(content().text('welcome.greeting'));
    expect(await t.app.references.get('msteams:29:1noinstall')).toBeUndefined();
    await grantConsent(t, 'msteams:29:1noinstall');
    await send(teamsMessage('personal', 'hi', 'noinstall'));
    expect(await t.app.references.get('msteams:29:1noinstall')).toMatchObject({ conversation: { id: 'a:1personal-noinstall' } });
  });
});

describe('Teams, group chats and channels', () => {
  test.each(['groupChat', 'channel'] as const)('%s: added, the bot asks to be messaged directly, once', async (scope) => {
    const added = await send(teamsBotAdded(scope, `${scope}-add`));
    expect(added.map((r) => r.text)).toEqual([content().text('channels.directOnly')]);
    expect(await send(teamsInstall(scope, `${scope}-add`))).toEqual([]);
  });

  test.each(['groupChat', 'channel'] as const)('%s: a mention gets the refusal, and nothing about the person is stored', async (scope) => {
    const replies = await send(teamsMessage(scope, 'I want to cut down', `${scope}-msg`));
    expect(replies.map((r) => r.text)).toEqual([content().text('channels.directOnly')]);
    expect(await t.app.services.store.people.get(`msteams:29:1${scope}-msg`)).toBeUndefined();
    expect(await t.app.references.get(`msteams:29:1${scope}-msg`)).toBeUndefined();
  });
});
