// Lazy lifecycle: a resource's status is computed from timestamps, so it is deterministic and survives restarts.

export interface Transition {
  /** Status while the transition runs, e.g. CREATING. */
  status: string;
  /** Epoch ms when it ends. */
  until: number;
  /** Status afterwards, or null when the resource is gone (deletion). */
  then: string | null;
}

export function startTransition(now: number, delayMs: number, status: string, then: string | null): Transition {
  return { status, until: now + Math.max(0, delayMs), then };
}

/** The status at `now`: the transition's while it runs, then its outcome (null = gone). */
export function statusAt(transition: Transition | undefined, stable: string, now: number): string | null {
  if (!transition) return stable;
  return now < transition.until ? transition.status : transition.then;
}
