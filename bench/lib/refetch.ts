/**
 * How a watcher's browser turns hints into requests, per query (`key`) of one watcher (`w`):
 * - `coalesce`: one fetch at a time, and one more after it when hints came meanwhile.
 * - `serial`: every hint one request, one after the other — Next's router queues each
 *   `router.refresh()` behind the one before and drops none.
 * - `latest`: every hint starts a new request at once and the one in flight is cancelled —
 *   React Query's invalidateQueries (cancelRefetch: true). The cancelled request's signal is
 *   aborted; whether that stops the HTTP request is the fetcher's business (it does when the
 *   page's queryFn hands the signal to fetch), but its answer is never applied.
 * `run` gets the signal and must not apply what it fetched once the signal is aborted.
 */
export type TRefetchKind = 'coalesce' | 'serial' | 'latest';

export type TRefetcher = {
  hint(w: number, key: string): void;
  /** Requests answered, failed (aborted ones not counted), and hints whose request is not done yet. */
  readonly done: number;
  readonly failed: number;
  readonly outstanding: number;
};

type TRun = (w: number, key: string, signal: AbortSignal) => Promise<void>;

export function refetcher(kind: TRefetchKind, run: TRun): TRefetcher {
  const stats = { done: 0, failed: 0, outstanding: 0 };
  const once = (w: number, key: string, controller = new AbortController()) =>
    run(w, key, controller.signal).then(
      () => void stats.done++,
      () => void (controller.signal.aborted || stats.failed++),
    );

  // coalesce: 'running' or 'dirty' per watcher and key; serial: hints still to fetch.
  const state = new Map<string, 'running' | 'dirty'>();
  const queued = new Map<string, number>();
  const current = new Map<string, AbortController>();

  const hint = (w: number, key: string) => {
    const id = `${w}|${key}`;
    if (kind === 'coalesce') {
      if (state.has(id)) return void state.set(id, 'dirty');
      state.set(id, 'running');
      stats.outstanding++;
      const loop = (): Promise<void> =>
        once(w, key).then(() => {
          if (state.get(id) === 'dirty') {
            state.set(id, 'running');
            return loop();
          }
          state.delete(id);
          stats.outstanding--;
        });
      void loop();
    } else if (kind === 'serial') {
      stats.outstanding++;
      const waiting = queued.get(id) ?? 0;
      queued.set(id, waiting + 1);
      if (waiting > 0) return;
      const loop = (): Promise<void> =>
        once(w, key).then(() => {
          stats.outstanding--;
          const left = queued.get(id)! - 1;
          if (left > 0) {
            queued.set(id, left);
            return loop();
          }
          queued.delete(id);
        });
      void loop();
    } else {
      current.get(id)?.abort();
      const controller = new AbortController();
      current.set(id, controller);
      stats.outstanding++;
      void once(w, key, controller).then(() => {
        stats.outstanding--;
        if (current.get(id) === controller) current.delete(id);
      });
    }
  };
  return {
    hint,
    get done() {
      return stats.done;
    },
    get failed() {
      return stats.failed;
    },
    get outstanding() {
      return stats.outstanding;
    },
  };
}
