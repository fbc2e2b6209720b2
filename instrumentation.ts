export async function register() {
  // Skipped while `next build` collects pages: there is no database to prepare then.
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { boot } = await import('./lib/boot');
  try {
    await boot();
  } catch (err) {
    // A server that cannot reach its database or has a bad configuration must exit, so that
    // a supervisor (Docker's restart policy, systemd) restarts it instead of serving 500s.
    console.error('[fairground] could not start:', err);
    process.exit(1);
  }
}
