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

/**
 * Turns a component dialog saved by an earlier release (its own stack inside its state) into today's
 * flat shape: the component's entry on the stack is replaced by its inner stack, with ids renamed
 * where a part now goes by the component's id. Returns false when the active dialog is not that.
 */
export function liftComponentStack(dc: DialogContext, componentId: string, renames: Record<string, string>): boolean {
  const active = dc.activeDialog;
  const inner = (active?.state as { dialogs?: { dialogStack?: Array<{ id: string; state: object }> } } | undefined)
    ?.dialogs?.dialogStack;
  if (active?.id !== componentId || !Array.isArray(inner) || inner.length === 0) return false;
  dc.stack.splice(
    dc.stack.length - 1,
    1,
    ...inner.map((entry) => ({ id: renames[entry.id] ?? entry.id, state: entry.state })),
  );
  return true;
}
