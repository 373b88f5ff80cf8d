/** Time is a seam: the scheduler and tests move it, everything else reads it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
