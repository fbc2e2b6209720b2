import 'server-only';

/** What a request tells about its session: its cookies and how it was reached. */
export type TSessionRequest = { cookie: string | null; forwardedProto: string | null };

const COOKIE = 'authjs.session-token';

/**
 * The session cookie's name as Auth.js chooses it for a request: `__Secure-` prefixed when the
 * site is served over https — AUTH_URL's protocol, else X-Forwarded-Proto, else https (Auth.js's
 * createActionURL for `auth()` in server components). The name is also the JWE's key salt.
 */
export function sessionCookieName(forwardedProto: string | null, authUrl = process.env.AUTH_URL ?? process.env.NEXTAUTH_URL): string {
  const protocol = authUrl ? new URL(authUrl).protocol : `${(forwardedProto ?? 'https').replace(/:$/, '')}:`;
  return protocol === 'https:' ? `__Secure-${COOKIE}` : COOKIE;
}

/**
 * The cookie's value as Auth.js reads it: the cookie itself, or its chunks `name.0`, `name.1`…
 * joined in order (Auth.js splits a token over 4 KB). Undefined when there is none.
 */
export function sessionCookieValue(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  let whole: string | undefined;
  const chunks: [number, string][] = [];
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    if (key === name) whole = part.slice(eq + 1).trim();
    else if (key.startsWith(`${name}.`)) {
      const n = Number(key.slice(name.length + 1));
      if (Number.isInteger(n) && n >= 0) chunks.push([n, part.slice(eq + 1).trim()]);
    }
  }
  if (chunks.length) return chunks.sort((a, b) => a[0] - b[0]).map(([, v]) => v).join('');
  return whole || undefined;
}

/** The parts of a request's headers that name its session. */
export function sessionRequestOf(headers: Headers): TSessionRequest {
  return { cookie: headers.get('cookie'), forwardedProto: headers.get('x-forwarded-proto') };
}
