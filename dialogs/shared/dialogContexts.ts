import type { DialogContext } from 'botbuilder-dialogs';

/**
 * The context of the innermost active dialog, reached through `child` so that every level keeps its
 * parent link. Menu dialogs live next to the root (not inside it), and only a linked context finds them.
 */
export function innermost(dc: DialogContext): DialogContext {
  let current = dc;
  while (current.child) current = current.child;
  return current;
}
