import { ActionTypes, type Activity, ActivityTypes, type Attachment, type CardAction } from 'botbuilder';
import type { Content } from '../content/Content';
import type { OutboundFile, OutboundMessage } from './messages';

export interface MessageRenderer {
  render(message: OutboundMessage, channelId: string): Partial<Activity>;
}

/** Channels that show suggested-action buttons. Everything else gets a numbered list in the text. */
const SUGGESTED_ACTION_CHANNELS = new Set(['directline', 'webchat', 'emulator', 'test', 'msteams']);
/** Channels that accept a file as an inline (data URL) attachment. Elsewhere the file's text follows the message. */
const INLINE_FILE_CHANNELS = new Set(['directline', 'webchat', 'emulator', 'test']);

export class DefaultRenderer implements MessageRenderer {
  constructor(private readonly content: Content) {}

  render(message: OutboundMessage, channelId: string): Partial<Activity> {
    const rendered = this.renderChoices(message, channelId);
    const files = message.files ?? [];
    if (files.length === 0) return rendered;
    if (INLINE_FILE_CHANNELS.has(channelId)) return { ...rendered, attachments: files.map(inlineAttachment) };
    const asText = files.map((file) => `${this.content.text('files.asText', { name: file.name })}\n${file.content}`);
    return { ...rendered, text: [rendered.text, ...asText].join('\n\n') };
  }

  private renderChoices(message: OutboundMessage, channelId: string): Partial<Activity> {
    const choices = message.choices ?? [];
    if (choices.length === 0) return { type: ActivityTypes.Message, text: message.text };
    if (SUGGESTED_ACTION_CHANNELS.has(channelId)) {
      const actions: CardAction[] = choices.map((c) => ({ type: ActionTypes.ImBack, title: c.label, value: c.label }));
      return { type: ActivityTypes.Message, text: message.text, suggestedActions: { actions, to: [] } };
    }
    const lines = choices.map((c, i) => this.content.text('choices.numbered', { number: i + 1, label: c.label }));
    return { type: ActivityTypes.Message, text: [message.text, ...lines].join('\n') };
  }
}

function inlineAttachment(file: OutboundFile): Attachment {
  return { name: file.name, contentType: file.contentType, contentUrl: `data:${file.contentType};base64,${Buffer.from(file.content, 'utf8').toString('base64')}` };
}
