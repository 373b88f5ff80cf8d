import { type Activity, ActivityTypes } from 'botbuilder';
import type { Content } from '../../content/Content';
import type { OutboundMessage } from '../messages';
import { linesAsMrkdwn } from './lines';
import { filesAsText, MARKDOWN_LINK, messageAsPlainText } from './shared';

/** A Slack message body as chat.postMessage takes it (and as Azure's Slack channel takes it in channelData). */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}
export type SlackBlock = { type: string; block_id?: string } & Record<string, unknown>;

/** Slack's limits: 3000 characters in a section, 150 in a header, 75 in a button label, 25 buttons per actions block. */
const SECTION_MAX = 3000;
const HEADER_MAX = 150;
const BUTTON_TEXT_MAX = 75;
const BUTTONS_MAX = 25;
/** The block id of the choice buttons; the interactivity route and the Azure mapping look for it. */
export const SLACK_CHOICES_BLOCK = 'steady-choices';

/**
 * Slack mrkdwn: escape its three control characters, turn **bold** into Slack's *bold*, and markdown
 * links into Slack's own, so a number stays tappable: "[988](tel:988)" becomes "<tel:988|988>".
 */
export function toMrkdwn(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\*\*(.+?)\*\*/g, '*$1*')
    .replace(MARKDOWN_LINK, (_m, label: string, url: string) => `<${url}|${label.replace(/\|/g, '/')}>`);
}

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

function sections(text: string): SlackBlock[] {
  const blocks: SlackBlock[] = [];
  for (let start = 0; start < text.length; start += SECTION_MAX) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: text.slice(start, start + SECTION_MAX) } });
  }
  return blocks;
}

/** Block Kit for one message: mrkdwn sections, the resource card, pictures, and choice buttons. */
export function slackMessage(content: Content, message: OutboundMessage): SlackMessage {
  const blocks: SlackBlock[] = [
    ...sections(toMrkdwn([linesAsMrkdwn(message.text), ...filesAsText(content, message.files)].join('\n\n'))),
  ];
  for (const image of message.images ?? []) {
    if (image.url) blocks.push({ type: 'image', image_url: image.url, alt_text: image.altText });
    else
      blocks.push({
        type: 'context',
        elements: [{ type: 'mrkdwn', text: toMrkdwn(content.text('files.imageAsText', { altText: image.altText })) }],
      });
  }
  if (message.card) {
    const { card } = message;
    blocks.push({ type: 'header', text: { type: 'plain_text', text: clip(card.title, HEADER_MAX) } });
    // Slack buttons open web pages only: phone and text-message links stay as their plain lines.
    const web = card.links.filter((link) => /^https:/i.test(link.url));
    const other = card.links.filter((link) => !/^https:/i.test(link.url));
    blocks.push(...sections(toMrkdwn(linesAsMrkdwn([...card.lines, ...other.map((link) => link.plain)].join('\n')))));
    if (web.length > 0) {
      blocks.push({
        type: 'actions',
        elements: web.map((link, i) => ({
          type: 'button',
          action_id: `link-${i}`,
          text: { type: 'plain_text', text: clip(link.label, BUTTON_TEXT_MAX) },
          url: link.url,
        })),
      });
    }
  }
  const choices = (message.choices ?? []).slice(0, BUTTONS_MAX);
  if (choices.length > 0) {
    blocks.push({
      type: 'actions',
      block_id: SLACK_CHOICES_BLOCK,
      // The value is the label, so a click becomes the same text a typed answer would be.
      elements: choices.map((c, i) => ({
        type: 'button',
        action_id: `choice-${i}`,
        text: { type: 'plain_text', text: clip(c.label, BUTTON_TEXT_MAX) },
        value: c.label,
      })),
    });
  }
  return { text: messageAsPlainText(content, message), blocks };
}

/**
 * Slack (through Azure Bot Service or our direct route): Slack has no suggested actions, so choices are
 * Block Kit buttons. The activity's text is the plain version (notifications, and clients without
 * blocks); channelData is the Slack message itself, which Azure's Slack channel posts as it is.
 */
export function renderSlack(content: Content, message: OutboundMessage): Partial<Activity> {
  const slack = slackMessage(content, message);
  return { type: ActivityTypes.Message, text: slack.text, channelData: slack };
}

/** The Slack message a rendered activity carries (what the direct route posts with chat.postMessage). */
export function slackMessageOf(activity: Partial<Activity>): SlackMessage {
  const data = activity.channelData as Partial<SlackMessage> | undefined;
  if (data && Array.isArray(data.blocks)) return { text: data.text ?? activity.text ?? '', blocks: data.blocks };
  const text = activity.text ?? '';
  return { text, blocks: text ? sections(toMrkdwn(text)) : [] };
}
