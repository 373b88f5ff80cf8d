import { type Activity, ActivityTypes, type Attachment } from 'botbuilder';
import type { Content } from '../../content/Content';
import type { ChoiceOption, OutboundMessage } from '../messages';
import { linesAsMarkdown, TEAMS_LINES } from './lines';
import { adaptiveCard, adaptiveCardAttachment, filesAsText, imageAttachment, linksIn } from './shared';

/**
 * The choice buttons as an Adaptive Card. Each is an Action.Submit whose `msteams.imBack` makes Teams
 * post the label as the person's own message, so a click arrives as text the prompts already
 * recognise (and shows in the chat like a typed answer). `choice` carries the same label for clients
 * that ignore the msteams block; the inbound mapping turns it into text.
 */
export function choiceCard(choices: ChoiceOption[]): Attachment {
  return adaptiveCardAttachment(
    [],
    choices.map((c) => ({
      type: 'Action.Submit',
      title: c.label,
      data: { msteams: { type: 'imBack', value: c.label }, choice: c.label },
    })),
  );
}

/**
 * The phone and text-message links of a message as buttons ("Call 988", "Text 988"): Teams shows the
 * markdown link in the text too, and a button is the surest thing to tap on a phone.
 */
export function callCard(content: Content, text: string): Attachment | undefined {
  const links = linksIn(text).filter((link) => /^(?:tel|sms):/i.test(link.url));
  if (links.length === 0) return undefined;
  return adaptiveCardAttachment(
    [],
    links.map((link) => ({
      type: 'Action.OpenUrl',
      title: /^tel:/i.test(link.url)
        ? content.text('channels.callLink', { label: link.label })
        : link.label.charAt(0).toUpperCase() + link.label.slice(1),
      url: link.url,
    })),
  );
}

/**
 * Microsoft Teams: Adaptive Cards (1.5) for resource cards and for choices (suggested actions
 * disappear after one reply and don't show in every Teams client), inline pictures, and files as text:
 * a Teams bot can only send a file after a consent card and OneDrive upload, which this coach doesn't need.
 */
export function renderTeams(content: Content, message: OutboundMessage): Partial<Activity> {
  // Teams reads the text as markdown: its lines and lists are made to survive it (files stay as they are).
  const text = [linesAsMarkdown(message.text, TEAMS_LINES), ...filesAsText(content, message.files)].join('\n\n');
  const activity: Partial<Activity> = { type: ActivityTypes.Message, text };
  // Markdown, so "[988](tel:988)" shows as a link rather than as brackets.
  if (linksIn(text).length > 0) activity.textFormat = 'markdown';
  const calls = callCard(content, message.text);
  const attachments: Attachment[] = [
    ...(calls ? [calls] : []),
    ...(message.images ?? []).map(imageAttachment),
    ...(message.card ? [adaptiveCard(message.card)] : []),
    ...(message.choices?.length ? [choiceCard(message.choices)] : []),
  ];
  if (attachments.length > 0) activity.attachments = attachments;
  return activity;
}
