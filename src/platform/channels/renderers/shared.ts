import type { Attachment } from 'botbuilder';
import type { Content } from '../../content/Content';
import type { ChoiceOption, OutboundFile, OutboundImage, OutboundMessage, ResourceCard } from '../messages';

export const ADAPTIVE_CARD_TYPE = 'application/vnd.microsoft.card.adaptive';
/** 1.5 is the newest version Teams (desktop, web and mobile) and Web Chat all render. */
export const ADAPTIVE_CARD_VERSION = '1.5';

export function adaptiveCardAttachment(body: object[], actions: object[]): Attachment {
  return {
    contentType: ADAPTIVE_CARD_TYPE,
    content: {
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: ADAPTIVE_CARD_VERSION,
      body,
      actions,
    },
  };
}

/** A resource card as an Adaptive Card: title, lines, and one open-url button per link. */
export function adaptiveCard(card: ResourceCard): Attachment {
  return adaptiveCardAttachment(
    [
      { type: 'TextBlock', text: card.title, weight: 'Bolder', size: 'Medium', wrap: true },
      ...card.lines.map((line) => ({ type: 'TextBlock', text: line, wrap: true, spacing: 'Small' })),
    ],
    card.links.map((link) => ({ type: 'Action.OpenUrl', title: link.label, url: link.url })),
  );
}

export function dataUrl(contentType: string, bytes: Buffer, charset?: string): string {
  return `data:${contentType}${charset ? `;charset=${charset}` : ''};base64,${bytes.toString('base64')}`;
}

export function fileAttachment(file: OutboundFile): Attachment {
  return {
    contentType: file.contentType,
    name: file.name,
    contentUrl: dataUrl(file.contentType, Buffer.from(file.content, 'utf8'), 'utf-8'),
  };
}

/**
 * An inline picture: Web Chat and Teams both show an image attachment whose contentUrl is a data: URL.
 * Web Chat reads the attachment's name as the picture's alt text, so the name carries the description.
 */
export function imageAttachment(image: OutboundImage): Attachment {
  return { contentType: image.contentType, name: image.altText, contentUrl: dataUrl(image.contentType, image.data) };
}

/** A markdown link in a content text: "[988](tel:988)", "[findtreatment.gov](https://findtreatment.gov)". */
export const MARKDOWN_LINK = /\[([^\]\n]+)\]\(((?:https|tel|sms|mailto):[^)\s]+)\)/g;

export interface TextLink {
  label: string;
  url: string;
}

/** The links a text carries, in order, each once. */
export function linksIn(text: string): TextLink[] {
  const seen = new Set<string>();
  const links: TextLink[] = [];
  for (const match of text.matchAll(MARKDOWN_LINK)) {
    if (seen.has(match[2])) continue;
    seen.add(match[2]);
    links.push({ label: match[1], url: match[2] });
  }
  return links;
}

/**
 * A text with its markdown links written out for channels that show plain text (SMS, notifications):
 * a phone or text link is its number ("988", "text 988"), a web link its label, plus the address when
 * the label does not already say it.
 */
export function linksAsPlainText(text: string): string {
  return text.replace(MARKDOWN_LINK, (_m, label: string, url: string) => {
    if (!/^https:/i.test(url)) return label;
    return url.replace(/^https:\/\/(www\.)?/i, '').startsWith(label.replace(/^www\./, ''))
      ? label
      : `${label} (${url})`;
  });
}

export const cardAsText = (card: ResourceCard): string[] => [
  card.title,
  ...card.lines,
  ...card.links.map((link) => link.plain),
];

/** Where files can't be sent, their text follows the message unless the message already says it. */
export function filesAsText(content: Content, files: OutboundFile[] = []): string[] {
  return files
    .filter((file) => file.withoutFiles !== 'omit')
    .map((file) => `${content.text('files.asText', { name: file.name })}\n${file.content}`);
}

export function imagesAsText(content: Content, images: OutboundImage[] = []): string[] {
  return images.map((image) => content.text('files.imageAsText', { altText: image.altText }));
}

export function numberedChoices(content: Content, choices: ChoiceOption[] = []): string[] {
  return choices.map((c, i) => content.text('choices.numbered', { number: i + 1, label: c.label }));
}

/** The whole message as plain text: what text-only channels show and what notifications preview. */
export function messageAsPlainText(content: Content, message: OutboundMessage): string {
  const lines = [
    message.text,
    ...(message.card ? cardAsText(message.card) : []),
    ...imagesAsText(content, message.images),
  ];
  // A 0-10 scale reads better on one line, where option numbers cannot be mixed up with the answers.
  if (message.choiceLayout === 'inline' && message.choices?.length)
    lines.push(content.text('choices.inline', { options: message.choices.map((c) => c.label).join(' / ') }));
  else lines.push(...numberedChoices(content, message.choices));
  return linksAsPlainText([lines.join('\n'), ...filesAsText(content, message.files)].join('\n\n'));
}
