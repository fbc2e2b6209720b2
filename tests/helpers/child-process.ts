import { spawn, type ChildProcess } from 'node:child_process';

export type TChild = { name: string; port: number; child: ChildProcess; log: string[] };

/** Starts a node process as the leader of its own process group, keeping its last output. */
export function spawnLogged(name: string, args: string[], env: NodeJS.ProcessEnv, port: number): TChild {
  const child = spawn(process.execPath, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const log: string[] = [];
  const keep = (chunk: Buffer) => {
    log.push(String(chunk));
    if (log.length > 200) log.shift();
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  return { name, port, child, log };
}

/** Resolves true once the child has exited, false after `ms` (and leaves no timer behind). */
export function exitWithin(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const onExit = () => {
      clearTimeout(timer);
      resolve(true);
    };
    const timer = setTimeout(() => {
      child.off('exit', onExit);
      resolve(false);
    }, ms);
    child.once('exit', onExit);
  });
}

/** Stops the child's whole process group: TERM, then KILL if it lingers. */
export async function stopChild(s: TChild | undefined): Promise<void> {
  if (!s || s.child.exitCode !== null || s.child.signalCode !== null) return;
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-s.child.pid!, sig);
    } catch {}
  };
  signal('SIGTERM');
  if (!(await exitWithin(s.child, 5_000))) {
    signal('SIGKILL');
    await exitWithin(s.child, 2_000);
  }
}
