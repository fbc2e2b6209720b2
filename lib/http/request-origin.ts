// The origin a browser used to reach us, read from the request's headers (the Host it sent, or
// what a reverse proxy forwarded). Auth.js trusts the same headers (trustHost in lib/auth).

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export function requestOrigin(headers: Headers, fallbackProtocol: string): string | undefined {
  const host = headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host');
  if (!host) return undefined;
  const proto = headers.get('x-forwarded-proto')?.split(',')[0]?.trim() || fallbackProtocol.replace(/:$/, '');
  try {
    return new URL(`${proto}://${host}`).origin;
  } catch {
    return undefined;
  }
}

/**
 * Where a request on another spelling of this machine's loopback address belongs, given the
 * configured public URL: `127.0.0.1:3000` when AUTH_URL says `localhost:3000`. Cookies are per
 * host, so a sign-in that starts on one spelling must not end on the other. Only loopback
 * spellings are rewritten: behind a reverse proxy the Host header may legitimately differ.
 */
export function canonicalLoopbackUrl(requestUrl: URL, requestHost: string | null, appUrl: string | undefined): URL | undefined {
  if (!appUrl || !requestHost) return undefined;
  let canonical: URL;
  let asked: URL;
  try {
    canonical = new URL(appUrl);
    asked = new URL(`${canonical.protocol}//${requestHost}`);
  } catch {
    return undefined;
  }
  if (asked.host === canonical.host || asked.port !== canonical.port) return undefined;
  if (!LOOPBACK.has(asked.hostname) || !LOOPBACK.has(canonical.hostname)) return undefined;
  return new URL(`${requestUrl.pathname}${requestUrl.search}`, canonical.origin);
}
