// Where Auth.js sends a person after signing in. Same-site targets become paths, so the browser
// stays on the host it used — where the session cookie was just set. (Without AUTH_URL, Next
// hands Auth.js its own listen host, "localhost", as the base URL: an absolute redirect there
// would land a person who came by 127.0.0.1 signed out, with their callback URL dropped.)

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

function isSafePath(url: string): boolean {
  return /^\/(?![/\\])/.test(url) && !/[\u0000-\u001f\u007f\\]/.test(url);
}

export function sameSiteRedirect(url: string, baseUrl: string): string {
  if (url.startsWith('/')) return isSafePath(url) ? url : '/';
  let target: URL;
  let base: URL;
  try {
    target = new URL(url);
    base = new URL(baseUrl);
  } catch {
    return '/';
  }
  const sameSite =
    target.origin === base.origin ||
    (target.protocol === base.protocol && target.port === base.port && LOOPBACK.has(target.hostname) && LOOPBACK.has(base.hostname));
  if (!sameSite) return '/';
  const path = `${target.pathname}${target.search}${target.hash}`;
  return isSafePath(path) ? path : '/';
}
