import type { DialogContext } from 'botbuilder-dialogs';
import { matchesPhrase } from '../nlu/choices';
import type { Content } from '../content/Content';

/**
 * A command a person can type in the middle of any dialog. It is matched on the whole message,
 * so "help" interrupts but "my doctor can't help" does not.
 */
export interface GlobalCommand {
  id: string;
  /** Content key of the list of phrases that trigger it. */
  phrasesKey: string;
  /** Extra whole-message matching beyond the phrase list (for example "go to week 3"). */
  matches?(text: string): boolean;
  run(dc: DialogContext): Promise<void>;
}

export function findCommand(text: string, commands: GlobalCommand[], content: Content): GlobalCommand | undefined {
  return commands.find(
    (command) => matchesPhrase(text, content.list(command.phrasesKey)) || command.matches?.(text) === true,
  );
}

/** True when a dialog with this id is on the stack, at any depth (inside component dialogs too). */
export function isDialogActive(dc: DialogContext, dialogId: string): boolean {
  for (let current: DialogContext | undefined = dc; current; current = current.child) {
    if (current.stack.some((instance) => instance.id === dialogId)) return true;
  }
  return false;
}
