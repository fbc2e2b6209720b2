import 'server-only';
import type { DatabaseHandle } from '@/db/client';
import { startBoss, stopBoss } from './boss';
import { attachJobs, detachJobs } from '@/lib/tx/job-sink';
import { registerChatWorkers } from './chat-jobs';
import { registerDeskWorkers } from './desk-jobs';
import { registerMailWorkers } from './mail-jobs';
import { registerVideoWorkers } from './video-jobs';
import { registerSessionWorkers } from '@/lib/sessions/stage-effects';
import { registerBreakoutWorkers } from '@/lib/breakouts/workers';

declare global {
  var __fairgroundJobs: Promise<boolean> | undefined;
}

/**
 * Starts pg-boss and this instance's workers (called by boot after the migrations), once per
 * process. Never throws: reminders are not worth taking the site down, so a failure is logged
 * loudly and the server goes on serving without jobs; the next call (a restart) tries again.
 */
export function startJobs(handle: DatabaseHandle): Promise<boolean> {
  globalThis.__fairgroundJobs ??= (async () => {
    const started = Date.now();
    try {
      const boss = await startBoss();
      await registerChatWorkers(boss, handle.db);
      await registerMailWorkers(boss, handle.db);
      await registerVideoWorkers(boss);
      await registerDeskWorkers(boss, handle.db);
      await registerSessionWorkers(boss, handle.db);
      await registerBreakoutWorkers(boss, handle.db);
      // From here on, jobs that use-cases enqueue in their transactions are written (see inTx).
      attachJobs(handle.db, boss);
      console.log(`[fairground] jobs: pg-boss started in ${Date.now() - started} ms`);
      return true;
    } catch (err) {
      console.error('[fairground] ⚠ jobs could not start — no chat reminders, chats are not marked completed:', err);
      globalThis.__fairgroundJobs = undefined;
      detachJobs(handle.db);
      // A pg-boss that started but could not set up its queues would only keep logging errors.
      await stopBoss().catch(() => {});
      return false;
    }
  })();
  return globalThis.__fairgroundJobs;
}

/** Stops this process's workers and pg-boss (before the database is closed). */
export async function stopJobs(handle?: DatabaseHandle): Promise<void> {
  globalThis.__fairgroundJobs = undefined;
  if (handle) detachJobs(handle.db);
  await stopBoss();
}
