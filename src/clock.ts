// Time as a dependency: the real clock in production, a fixed or stepped one in tests.

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told to. */
export function createManualClock(start: number | string | Date): Clock & {
  set(t: number | string | Date): void;
  advance(ms: number): void;
} {
  let t = new Date(start).getTime();
  return {
    now: () => t,
    set: (v) => {
      t = new Date(v).getTime();
    },
    advance: (ms) => {
      t += ms;
    },
  };
}
