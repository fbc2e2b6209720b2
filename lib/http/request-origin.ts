// The origin a browser used to reach us, read from the request's headers (the Host it sent, or
// what a reverse proxy forwarded). Auth.js trusts the same headers (trustHost in lib/auth).

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

