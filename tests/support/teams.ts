/** Real-shaped Microsoft Teams activities, as the Teams channel posts them to /api/messages. */
export const TEAMS_BOT = { id: '28:00000000-0000-0000-0000-000000000b07', name: 'Steady' };
const TENANT = '72f988bf-0000-0000-0000-000000000000';
const SERVICE_URL = 'https://smba.trafficmanager.net/amer/';

export type TeamsScope = 'personal' | 'groupChat' | 'channel';

function conversation(scope: TeamsScope, userId: string) {
  if (scope === 'personal') return { conversationType: 'personal', tenantId: TENANT, id: `a:1personal-${userId}` };
  if (scope === 'groupChat')
    return { conversationType: 'groupChat', tenantId: TENANT, isGroup: true, id: '19:group-chat@thread.v2' };
  return {
    conversationType: 'channel',
    tenantId: TENANT,
    isGroup: true,
    id: '19:general@thread.tacv2;messageid=1700000000000',
  };
}

function channelData(scope: TeamsScope) {
  const base = { tenant: { id: TENANT } };
  return scope === 'channel'
    ? {
        ...base,
        teamsChannelId: '19:general@thread.tacv2',
        teamsTeamId: '19:team@thread.tacv2',
        channel: { id: '19:general@thread.tacv2' },
        team: { id: '19:team@thread.tacv2' },
      }
    : base;
}

function base(scope: TeamsScope, userId: string) {
  return {
    id: `f:${Math.random().toString(36).slice(2)}`,
    timestamp: '2026-11-28T04:00:00.000Z',
    localTimestamp: '2026-11-27T23:00:00.000-05:00',
    serviceUrl: SERVICE_URL,
    channelId: 'msteams',
    from: { id: `29:1${userId}`, name: 'Alex', aadObjectId: `aad-${userId}` },
    recipient: TEAMS_BOT,
    conversation: conversation(scope, userId),
    channelData: channelData(scope),
    entities: [{ locale: 'en-US', country: 'US', platform: 'Web', timezone: 'America/New_York', type: 'clientInfo' }],
    locale: 'en-US',
    deliveryMode: 'expectReplies',
  };
}

export function teamsInstall(scope: TeamsScope, userId = 'alex') {
  return {
    ...base(scope, userId),
    type: 'installationUpdate',
    action: 'add',
    channelData: { ...channelData(scope), settings: { source: { name: 'message' } }, source: { name: 'message' } },
  };
}

export function teamsBotAdded(scope: TeamsScope, userId = 'alex') {
  return {
    ...base(scope, userId),
    type: 'conversationUpdate',
    membersAdded: [{ id: TEAMS_BOT.id }],
    channelData: { ...channelData(scope), eventType: 'teamMemberAdded' },
  };
}

export function teamsMessage(scope: TeamsScope, text: string, userId = 'alex') {
  const mention =
    scope === 'personal' ? {} : { entities: [{ type: 'mention', text: '<at>Steady</at>', mentioned: TEAMS_BOT }] };
  return {
    ...base(scope, userId),
    type: 'message',
    text: scope === 'personal' ? text : `<at>Steady</at> ${text}`,
    textFormat: 'plain',
    ...mention,
  };
}

/** An Adaptive Card Action.Submit click as Teams posts it when the button has no msteams.imBack: no text, the data in value. */
export function teamsSubmit(data: Record<string, unknown>, userId = 'alex') {
  return {
    ...base('personal', userId),
    type: 'message',
    value: data,
    channelData: { ...channelData('personal'), source: { name: 'message' } },
  };
}
