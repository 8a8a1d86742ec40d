// Wakes the long-polls of GET /events when a webhook stores an event for their athlete. This is
// per process: a poll waiting in another broker process finds the event when its wait ends.

export type EventFeed = ReturnType<typeof createEventFeed>;

export function createEventFeed() {
  const waiters = new Map<number, Set<() => void>>();

  return {
    notify(athleteId: number): void {
      const set = waiters.get(athleteId);
      if (!set) return;
      waiters.delete(athleteId);
      for (const wake of set) wake();
    },

    /** Resolves on the athlete's next event, after `ms`, or when `signal` aborts. */
    wait(athleteId: number, ms: number, signal?: AbortSignal): Promise<void> {
      return new Promise((resolve) => {
        let set = waiters.get(athleteId);
        if (!set) {
          set = new Set();
          waiters.set(athleteId, set);
        }
        const done = () => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', done);
          const current = waiters.get(athleteId);
          current?.delete(done);
          if (current?.size === 0) waiters.delete(athleteId);
          resolve();
        };
        const timer = setTimeout(done, ms);
        signal?.addEventListener('abort', done, { once: true });
        set.add(done);
      });
    },
  };
}
