import type { Activity } from 'botbuilder';
import { isCleanText } from './inboundActivity';

/**
 * A button click that arrived without text, turned into the text the prompts recognise. Renderers put
 * the option's label in every button, so the label is the answer:
 * - an Adaptive Card Action.Submit (Teams clients that ignore msteams.imBack, Web Chat): `value.choice`;
 * - Slack through Azure Bot Service: the raw interaction payload in `channelData.Payload`, whose first
 *   action's value is the label.
 * Returns undefined when the activity is not such a click, or when the value would not pass as typed text
 * (too long, control characters, broken unicode): a button value is the same as typing it, so it gets
 * the same checks, and a value that fails them is ignored like an empty message.
 */
export function buttonAnswerOf(
  activity: Pick<Activity, 'type' | 'text' | 'value' | 'channelData'>,
): string | undefined {
  if (activity.type !== 'message' || (activity.text ?? '').trim() !== '') return undefined;
  const value = activity.value as { choice?: unknown } | undefined;
  if (value && typeof value.choice === 'string') return typedText(value.choice);
  const payload = (activity.channelData as { Payload?: { actions?: Array<{ value?: unknown }> } } | undefined)?.Payload;
  const clicked = payload?.actions?.[0]?.value;
  return typeof clicked === 'string' ? typedText(clicked) : undefined;
}

function typedText(value: string): string | undefined {
  return isCleanText(value) ? value : undefined;
}

/** Fills in the text of a button click in place, before the bot reads the turn. */
export function applyButtonAnswer(activity: Activity): void {
  const answer = buttonAnswerOf(activity);
  if (answer !== undefined) activity.text = answer;
}
