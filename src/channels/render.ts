import { ActionTypes, type Activity, ActivityTypes, type Attachment, type CardAction } from 'botbuilder';
import type { Content } from '../content/Content';
import type { OutboundMessage } from './messages';

export interface MessageRenderer {
  render(message: OutboundMessage, channelId: string): Partial<Activity>;
}

/** Channels that show suggested-action buttons. Everything else gets a numbered list in the text. */
const SUGGESTED_ACTION_CHANNELS = new Set(['directline', 'webchat', 'emulator', 'test', 'msteams']);

export class DefaultRenderer implements MessageRenderer {
  constructor(private readonly content: Content) {}

  render(message: OutboundMessage, channelId: string): Partial<Activity> {
    const activity = this.renderText(message, channelId);
    if (message.images?.length) {
      activity.attachments = message.images.map((image): Attachment => ({ contentType: image.contentType, contentUrl: image.url, name: image.altText }));
    }
    return activity;
  }

  private renderText(message: OutboundMessage, channelId: string): Partial<Activity> {
    const choices = message.choices ?? [];
    if (choices.length === 0) return { type: ActivityTypes.Message, text: message.text };
    if (SUGGESTED_ACTION_CHANNELS.has(channelId)) {
      const actions: CardAction[] = choices.map((c) => ({ type: ActionTypes.ImBack, title: c.label, value: c.label }));
      return { type: ActivityTypes.Message, text: message.text, suggestedActions: { actions, to: [] } };
    }
    if (message.choiceLayout === 'inline') {
      const options = choices.map((c) => c.label).join(' / ');
      return { type: ActivityTypes.Message, text: [message.text, this.content.text('choices.inline', { options })].join('\n') };
    }
    const lines = choices.map((c, i) => this.content.text('choices.numbered', { number: i + 1, label: c.label }));
    return { type: ActivityTypes.Message, text: [message.text, ...lines].join('\n') };
  }
}
