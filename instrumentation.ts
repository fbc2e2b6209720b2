export async function register() {
  // Skipped while `next build` collects pages: there is no database to prepare then.
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { bootOrExit } = await import('./lib/boot');
  await bootOrExit();
}
