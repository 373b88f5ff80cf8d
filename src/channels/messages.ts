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

/** An image sent beside the text, e.g. a server-rendered chart. The text must say the same in words. */
export interface OutboundImage {
  contentType: 'image/png';
  /** A data: URL or an http(s) URL. */
  url: string;
  /** Short description for screen readers, from content. */
  altText: string;
}

export interface OutboundMessage {
  text: string;
  choices?: ChoiceOption[];
  /**
   * 'inline' lists short options (a 0-10 scale) on one line on channels without buttons, where a
   * numbered list would mix up option numbers and answers.
   */
  choiceLayout?: 'list' | 'inline';
  images?: OutboundImage[];
}
