export type TTeardown = {
  /** Adds an undo step (stop a server, close a pool, drop the database); steps run last first. */
  add(step: () => Promise<unknown> | unknown): void;
  /** Runs every step once (later calls wait for the same run); errors are reported, not thrown. */
  run(): Promise<void>;
};

/**
 * The undo steps of a benchmark, run exactly once: when it ends, on Ctrl-C or SIGTERM, or when
 * `deadlineMs` passes (then the process exits 1) — so whatever hangs, the servers are stopped
 * and the database is dropped.
 */
export function teardown(name: string, deadlineMs: number): TTeardown {
  const steps: (() => Promise<unknown> | unknown)[] = [];
  let running: Promise<void> | undefined;
  const run = () =>
    (running ??= (async () => {
      clearTimeout(deadline);
      for (const step of steps.reverse()) {
        try {
          await step();
        } catch (err) {
          console.error(`${name}: clean-up step failed:`, err instanceof Error ? err.message : err);
        }
      }
    })());
  const deadline = setTimeout(() => {
    console.error(`${name}: gave up after ${deadlineMs / 60_000} minutes`);
    void run().finally(() => process.exit(1));
  }, deadlineMs);
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => void run().finally(() => process.exit(130)));
  return { add: (step) => void steps.push(step), run };
}

/** Runs a benchmark's main and exits: 0 when it finished, 1 (with the error) when it failed. */
export function runBench(main: () => Promise<void>): Promise<never> {
  return main().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err instanceof Error ? (err.stack ?? err.message) : err);
      process.exit(1);
    },
  );
}
