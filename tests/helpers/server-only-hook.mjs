// A Node module hook, registered by playwright.config.ts: Playwright's Node resolves packages
// without React's server condition, so the 'server-only' marker that lib/'s server modules import
// would throw in a walk that drives one of them directly (tests/e2e/video-livekit.spec.ts uses
// lib/'s LiveKit adapter). This resolves that one package as Next.js does for server code: to its
// empty server build. Nothing else changes condition.
export async function resolve(specifier, context, next) {
  if (specifier === 'server-only') return next(specifier, { ...context, conditions: [...context.conditions, 'react-server'] });
  return next(specifier, context);
}
