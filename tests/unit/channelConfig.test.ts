import { ConfigError, loadConfig } from '../../src/platform/config';

describe('Slack and Teams configuration', () => {
  const secret = 'a'.repeat(32);

  test('the direct Slack route is off by default and on with both variables', () => {
    expect(loadConfig({}).slack).toBeUndefined();
    expect(loadConfig({ SLACK_SIGNING_SECRET: secret, SLACK_BOT_TOKEN: 'xoxb-1-2' }).slack).toEqual({
      signingSecret: secret,
      botToken: 'xoxb-1-2',
      apiUrl: 'https://slack.com/api/',
      timeoutMs: 15_000,
    });
    expect(
      loadConfig({ SLACK_SIGNING_SECRET: secret, SLACK_BOT_TOKEN: 'xoxb-1-2', SLACK_API_URL: 'http://127.0.0.1:9/api' })
        .slack?.apiUrl,
    ).toBe('http://127.0.0.1:9/api/');
    expect(loadConfig({ SLACK_SIGNING_SECRET: '', SLACK_BOT_TOKEN: '' }).slack).toBeUndefined();
  });

  test('Socket Mode needs the bot token and an app-level token, and no signing secret', () => {
    expect(loadConfig({ SLACK_APP_TOKEN: 'xapp-1-A0-1', SLACK_BOT_TOKEN: 'xoxb-1-2' }).slack).toEqual({
      appToken: 'xapp-1-A0-1',
      botToken: 'xoxb-1-2',
      apiUrl: 'https://slack.com/api/',
      timeoutMs: 15_000,
    });
    expect(
      loadConfig({ SLACK_APP_TOKEN: 'xapp-1-A0-1', SLACK_SIGNING_SECRET: secret, SLACK_BOT_TOKEN: 'xoxb-1-2' }).slack,
    ).toMatchObject({ appToken: 'xapp-1-A0-1', signingSecret: secret });
  });

  test('the Bot Framework token allow-list defaults to Azure channel hosts and takes a comma-separated list', () => {
    expect(loadConfig({}).auth.trustedServiceHosts).toEqual(
      expect.arrayContaining(['*.botframework.com', 'smba.trafficmanager.net']),
    );
    expect(loadConfig({ BOT_FRAMEWORK_SERVICE_URLS: ' *.Example.org, 127.0.0.1 ' }).auth.trustedServiceHosts).toEqual([
      '*.example.org',
      '127.0.0.1',
    ]);
  });

  test.each([
    [{ SLACK_SIGNING_SECRET: secret }, 'SLACK_BOT_TOKEN'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_SIGNING_SECRET'],
    [{ SLACK_SIGNING_SECRET: secret, SLACK_BOT_TOKEN: 'xoxp-user-token' }, 'SLACK_BOT_TOKEN'],
    [{ SLACK_SIGNING_SECRET: 'short', SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_SIGNING_SECRET'],
    [{ SLACK_API_URL: 'ftp://x' }, 'SLACK_API_URL'],
    [{ SLACK_APP_TOKEN: 'xapp-1' }, 'SLACK_BOT_TOKEN'],
    [{ SLACK_APP_TOKEN: 'xoxb-not-an-app-token', SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_APP_TOKEN'],
    [{ BOT_FRAMEWORK_SERVICE_URLS: 'https://smba.trafficmanager.net/amer/' }, 'BOT_FRAMEWORK_SERVICE_URLS'],
    [{ BOT_FRAMEWORK_SERVICE_URLS: 'evil.com/*' }, 'BOT_FRAMEWORK_SERVICE_URLS'],
    [{ TEAMS_WEBSITE_URL: 'http://insecure.example.org' }, 'TEAMS_WEBSITE_URL'],
  ])('%j is refused naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (error) {
      expect((error as ConfigError).variable).toBe(variable);
    }
  });

  test('the Teams website defaults to an https page and loses a trailing slash', () => {
    expect(loadConfig({}).teams.websiteUrl).toMatch(/^https:\/\//);
    expect(loadConfig({ TEAMS_WEBSITE_URL: 'https://coach.example.org/' }).teams.websiteUrl).toBe(
      'https://coach.example.org',
    );
  });
});
