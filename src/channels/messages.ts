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

/** A file sent with a message, such as the personal-data export. */
export interface OutboundFile {
  name: string;
  contentType: string;
  content: string;
}

export interface OutboundMessage {
  text: string;
  choices?: ChoiceOption[];
  files?: OutboundFile[];
}
