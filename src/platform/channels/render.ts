import { type Activity, ActivityTypes } from 'botbuilder';
import type { Content } from '../content/Content';
import type { OutboundMessage } from './messages';
import { messageAsPlainText } from './renderers/shared';
import { renderSlack } from './renderers/slack';
import { renderTeams } from './renderers/teams';
import { renderWebChat } from './renderers/webChat';

export { ADAPTIVE_CARD_TYPE, ADAPTIVE_CARD_VERSION, adaptiveCard } from './renderers/shared';

export interface MessageRenderer {
  render(message: OutboundMessage, channelId: string): Partial<Activity>;
}

export type ChannelFamily = 'webchat' | 'teams' | 'slack' | 'text';

/** Web Chat and its hosts: buttons, Adaptive Cards, data: URL files. */
const WEB_CHAT_CHANNELS = new Set(['directline', 'webchat', 'emulator', 'test']);

/** Which renderer a channel gets. Anything not known here gets numbered plain text. */
export function channelFamily(channelId: string): ChannelFamily {
  if (WEB_CHAT_CHANNELS.has(channelId)) return 'webchat';
  if (channelId === 'msteams') return 'teams';
  if (channelId === 'slack') return 'slack';
  return 'text';
}

/**
 * The one rendering layer: dialogs build an OutboundMessage and never look at the channel; this picks
 * what the channel shows best. Plain text (SMS, the terminal, unknown channels) numbers the choices,
 * and the prompts accept the number, the words, or a button's label on every channel.
 */
export class DefaultRenderer implements MessageRenderer {
  constructor(private readonly content: Content) {}

  render(message: OutboundMessage, channelId: string): Partial<Activity> {
    switch (channelFamily(channelId)) {
      case 'webchat':
        return renderWebChat(message);
      case 'teams':
        return renderTeams(this.content, message);
      case 'slack':
        return renderSlack(this.content, message);
      default:
        return { type: ActivityTypes.Message, text: messageAsPlainText(this.content, message) };
    }
  }
}
