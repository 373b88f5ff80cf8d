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
  card?: ResourceCard;
  files?: OutboundFile[];
  /**
   * 'inline' lists short options (a 0-10 scale) on one line on channels without buttons, where a
   * numbered list would mix up option numbers and answers.
   */
  choiceLayout?: 'list' | 'inline';
  images?: OutboundImage[];
}

/**
 * A picture (the check-in progress chart). Web Chat and Teams show it inline from its bytes; Slack
 * shows it from `url` when the picture is hosted somewhere public, else its alt text; text channels
 * show the alt text.
 */
export interface OutboundImage {
  name: string;
  contentType: 'image/png' | 'image/jpeg' | 'image/gif';
  data: Buffer;
  /** What the picture shows, in words, from content: read by screen readers and sent where pictures can't go. */
  altText: string;
  /** A public https address of the same picture, for channels that only take linked images. */
  url?: string;
}

/** A link on a resource card: a web page (https:), a phone number (tel:) or a text message (sms:). */
export interface CardLink {
  /** Button text. */
  label: string;
  url: string;
  /** The same link as one line of plain text, for channels without cards. */
  plain: string;
}

/** A card of resources (treatment locator, helplines). An Adaptive Card where cards show, text elsewhere. */
export interface ResourceCard {
  title: string;
  lines: string[];
  links: CardLink[];
}

/** A file sent with a message (the data export, the prescriber summary). */
export interface OutboundFile {
  name: string;
  contentType: string;
  content: string;
  /**
   * On channels that take no files: 'appendText' adds the file's text after the message (the default);
   * 'omit' drops it because the message already says the same thing.
   */
  withoutFiles?: 'appendText' | 'omit';
}

/** The event the bot sends once a person's data is gone; the web page starts over when it sees it. */
export const DATA_DELETED_EVENT = 'steady.dataDeleted';
