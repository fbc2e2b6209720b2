import 'server-only';
import { database } from '@/db/client';
import { seedDemo } from '@/db/seed';
import { assertPublicOrigin, env } from '@/lib/env';
import { startJobs } from '@/lib/jobs/start-jobs';

/** Runs once per server process before it serves: migrations, the demo seed, loud warnings. */
export async function boot(): Promise<void> {
  const e = env();
  assertPublicOrigin(e);
  const handle = database();
  const started = Date.now();
  await handle.migrate();
  console.log(`[fairground] database: ${handle.kind === 'pglite' ? `embedded PGlite in ${e.pgliteDir}` : 'PostgreSQL'} — migrated in ${Date.now() - started} ms`);
  if (e.seedDemo && (await seedDemo(handle.db, new Date(), { firstDay: e.seedDemoFirstDay }))) console.log('[fairground] seeded the demo fair');
  if (e.demoLogin) {
    console.warn(
      '\n[fairground] ⚠ DEMO SIGN-IN IS ON (AUTH_DEMO_LOGIN): anyone can sign in as any seeded demo person,\n' +
        '[fairground] ⚠ and every mail to a test address (example.com, *.test), sign-in links included, is visible at /outbox. Never expose this publicly.\n',
    );
  }
  if (!e.smtpUrl) console.log('[fairground] SMTP_URL not set: mails are stored in the outbox only');
  // Jobs (pg-boss: chat reminders, completing chats) start after the migrations. startJobs never
  // throws: without jobs the site still serves, only reminders and completion wait.
  await startJobs(handle);
}

export async function bootOrExit(): Promise<void> {
  try {
    await boot();
  } catch (err) {
    // A server that cannot reach its database or has a bad configuration must exit, so that
    // a supervisor (Docker's restart policy, systemd) restarts it instead of serving 500s.
    console.error('[fairground] could not start:', err);
    process.exit(1);
  }
}
