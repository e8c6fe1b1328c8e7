/**
 * Following a long-lived AbortSignal from many short-lived operations with one listener on it.
 *
 * The signal the HTTP executor hands to each subgraph fetch is its own dispose signal, one per
 * subgraph for the gateway's life (@graphql-tools/executor-http passes it alone when there is
 * nothing to combine it with). A listener per fetch put as many listeners on it as fetches in
 * flight to that subgraph: at 11, Node printed `MaxListenersExceededWarning: Possible
 * EventTarget memory leak detected. 11 abort listeners added to [AbortSignal]` (the hostile
 * runs, RELIABILITY.md), and every add and remove walked that list. Here a signal carries one
 * listener while anything follows it and none otherwise; each follower is an entry in a set,
 * removed when its operation ends.
 */

interface Followers {
  set: Set<(reason: unknown) => void>;
  fire: () => void;
}

const followed = new WeakMap<AbortSignal, Followers>();

/**
 * Calls `onAbort(signal.reason)` when `signal` aborts, unless the returned function (idempotent)
 * was called first. Not for a signal already aborted (the caller checks `signal.aborted`).
 */
export function followAbort(signal: AbortSignal, onAbort: (reason: unknown) => void): () => void {
  let f = followed.get(signal);
  if (!f) {
    const set = new Set<(reason: unknown) => void>();
    const fire = () => {
      followed.delete(signal);
      const all = [...set];
      set.clear();
      for (const cb of all) cb(signal.reason);
    };
    f = { set, fire };
    followed.set(signal, f);
    signal.addEventListener('abort', fire, { once: true });
  }
  const { set, fire } = f;
  // Wrapped, so one callback following twice is two entries.
  const entry = (reason: unknown) => onAbort(reason);
  set.add(entry);
  return () => {
    if (!set.delete(entry) || set.size > 0) return;
    signal.removeEventListener('abort', fire);
    if (followed.get(signal)?.set === set) followed.delete(signal);
  };
}
