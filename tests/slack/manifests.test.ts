import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { SLACK_EVENTS_PATH, SLACK_INTERACTIONS_PATH } from '../../src/platform/channels/slack';

const manifest = (name: string) =>
  load(readFileSync(join(__dirname, '../../deploy/slack', name), 'utf8')) as Record<string, any>;

describe('Slack app manifests (deploy/slack/)', () => {
  const events = manifest('events-api-manifest.yaml');
  const socket = manifest('socket-mode-manifest.yaml');

  test('the Events API app sends events and clicks to our two routes, with Socket Mode off', () => {
    expect(new URL(events.settings.event_subscriptions.request_url).pathname).toBe(SLACK_EVENTS_PATH);
    expect(new URL(events.settings.interactivity.request_url).pathname).toBe(SLACK_INTERACTIONS_PATH);
    expect(events.settings.socket_mode_enabled).toBe(false);
  });

  test('the Socket Mode app has no request URLs and Socket Mode on', () => {
    expect(socket.settings.socket_mode_enabled).toBe(true);
    expect(socket.settings.event_subscriptions.request_url).toBeUndefined();
    expect(socket.settings.interactivity).toEqual({ is_enabled: true });
  });

  test('both ask for the same events and the same three bot scopes', () => {
    for (const app of [events, socket]) {
      expect(app.settings.event_subscriptions.bot_events).toEqual(['message.im', 'app_mention']);
      expect(app.oauth_config.scopes.bot).toEqual(['chat:write', 'im:history', 'app_mentions:read']);
      expect(app.features.app_home.messages_tab_enabled).toBe(true);
    }
  });
});
