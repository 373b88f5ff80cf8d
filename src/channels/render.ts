import { ActionTypes, type Activity, ActivityTypes, type Attachment, type CardAction } from 'botbuilder';
import type { Content } from '../content/Content';
import type { OutboundFile, OutboundImage, OutboundMessage, ResourceCard } from './messages';

export interface MessageRenderer {
  render(message: OutboundMessage, channelId: string): Partial<Activity>;
}

/** Channels that show suggested-action buttons and Adaptive Cards. Everything else gets plain text. */
const RICH_CHANNELS = new Set(['directline', 'webchat', 'emulator', 'test', 'msteams']);
/** Channels whose client opens a data: URL attachment as a download (Web Chat and its hosts). */
const FILE_CHANNELS = new Set(['directline', 'webchat', 'emulator', 'test']);

export const ADAPTIVE_CARD_TYPE = 'application/vnd.microsoft.card.adaptive';
/** 1.5 is the newest version Teams and Web Chat both render. */
export const ADAPTIVE_CARD_VERSION = '1.5';

export function adaptiveCard(card: ResourceCard): Attachment {
  return {
    contentType: ADAPTIVE_CARD_TYPE,
    content: {
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: ADAPTIVE_CARD_VERSION,
      body: [
        { type: 'TextBlock', text: card.title, weight: 'Bolder', size: 'Medium', wrap: true },
        ...card.lines.map((line) => ({ type: 'TextBlock', text: line, wrap: true, spacing: 'Small' })),
      ],
      actions: card.links.map((link) => ({ type: 'Action.OpenUrl', title: link.label, url: link.url })),
    },
  };
}

function fileAttachment(file: OutboundFile): Attachment {
  return { contentType: file.contentType, name: file.name, contentUrl: `data:${file.contentType};charset=utf-8;base64,${Buffer.from(file.content, 'utf8').toString('base64')}` };
}

function imageAttachment(image: OutboundImage): Attachment {
  return { contentType: image.contentType, contentUrl: image.url, name: image.altText };
}

const cardAsText = (card: ResourceCard): string[] => [card.title, ...card.lines, ...card.links.map((link) => link.plain)];

export class DefaultRenderer implements MessageRenderer {
  constructor(private readonly content: Content) {}

  render(message: OutboundMessage, channelId: string): Partial<Activity> {
    const choices = message.choices ?? [];
    if (RICH_CHANNELS.has(channelId)) {
      const activity: Partial<Activity> = { type: ActivityTypes.Message, text: message.text };
      const attachments: Attachment[] = [];
      if (message.card) attachments.push(adaptiveCard(message.card));
      attachments.push(...(message.images ?? []).map(imageAttachment));
      if (FILE_CHANNELS.has(channelId)) attachments.push(...(message.files ?? []).map(fileAttachment));
      else activity.text = [message.text, ...this.filesAsText(message.files)].join('\n\n');
      if (attachments.length > 0) activity.attachments = attachments;
      if (choices.length > 0) {
        const actions: CardAction[] = choices.map((c) => ({ type: ActionTypes.ImBack, title: c.label, value: c.label }));
        activity.suggestedActions = { actions, to: [] };
      }
      return activity;
    }
    const lines = [message.text, ...(message.card ? cardAsText(message.card) : [])];
    if (message.choiceLayout === 'inline' && choices.length > 0) {
      lines.push(this.content.text('choices.inline', { options: choices.map((c) => c.label).join(' / ') }));
    } else {
      lines.push(...choices.map((c, i) => this.content.text('choices.numbered', { number: i + 1, label: c.label })));
    }
    const text = [lines.join('\n'), ...this.filesAsText(message.files)].join('\n\n');
    const activity: Partial<Activity> = { type: ActivityTypes.Message, text };
    if (message.images?.length) activity.attachments = message.images.map(imageAttachment);
    return activity;
  }

  /** Where files can't be sent, their text follows the message unless the message already says it. */
  private filesAsText(files: OutboundFile[] = []): string[] {
    return files
      .filter((file) => file.withoutFiles !== 'omit')
      .map((file) => `${this.content.text('files.asText', { name: file.name })}\n${file.content}`);
  }
}
