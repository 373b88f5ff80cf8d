/**
 * The one internal message model. Dialogs build these; the renderer turns them into what each
 * channel shows best, so dialog code never branches on the channel.
 */
export interface ChoiceOption {
  /** Stable id returned when the person picks this option. */
  value: string;
  /** Button or list text, from content. */
  label: string;
  /** Other words that pick this option, from content. */
  synonyms?: string[];
}

export interface OutboundMessage {
  text: string;
  choices?: ChoiceOption[];
}
