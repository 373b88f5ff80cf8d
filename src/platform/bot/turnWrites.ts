import type { TurnContext } from 'botbuilder';
import { TurnWrites } from '../storage/turnWrites';

const TURN_WRITES = Symbol('turnWrites');

/** Gives the turn its queue of writes for the turn's end (CoachBot, at the start of each turn). */
export function beginTurnWrites(context: TurnContext): TurnWrites {
  const writes = new TurnWrites();
  context.turnState.set(TURN_WRITES, writes);
  return writes;
}

/** The writes this turn queued for its end (see TurnWrites); undefined outside CoachBot's turns. */
export function turnWritesOf(context: TurnContext): TurnWrites | undefined {
  return context.turnState.get(TURN_WRITES);
}
