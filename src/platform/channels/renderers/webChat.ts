import { ActionTypes, type Activity, ActivityTypes, type Attachment } from 'botbuilder';
import type { OutboundMessage } from '../messages';
import { adaptiveCard, fileAttachment, imageAttachment } from './shared';

/**
 * Web Chat and its hosts (our widget over Direct Line, the Emulator): suggested-action buttons that
 * post the option's label back as text, resource cards as Adaptive Cards, pictures and files as
 * data: URL attachments the page shows or downloads.
 */
export function renderWebChat(message: OutboundMessage): Partial<Activity> {
  const activity: Partial<Activity> = { type: ActivityTypes.Message, text: message.text };
  const attachments: Attachment[] = [
    ...(message.images ?? []).map(imageAttachment),
    ...(message.card ? [adaptiveCard(message.card)] : []),
    ...(message.files ?? []).map(fileAttachment),
  ];
  if (attachments.length > 0) activity.attachments = attachments;
  const choices = message.choices ?? [];
  if (choices.length > 0) {
    activity.suggestedActions = {
      actions: choices.map((c) => ({ type: ActionTypes.ImBack, title: c.label, value: c.label })),
      to: [],
    };
  }
  return activity;
}
