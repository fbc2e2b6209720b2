/**
 * Server-action requests Next.js would answer with a 500: a call from another site, a body
 * over the 1 MB action limit, or one that is not what React sends. Refused first, with the
 * 4xx that says why. Next.js keeps its own checks; this only makes the answer honest.
 */

/** Next.js's default `serverActions.bodySizeLimit` ('1mb'). */
export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

export type TRefusal = { status: 400 | 403 | 411 | 413 | 415; message: string };

/** The host a browser's Origin must name: the first X-Forwarded-Host (a proxy's), else Host. */
function requestHost(headers: Headers): string | null {
  return headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host');
}

function originHost(origin: string): string | null {
  if (origin === 'null') return 'null';
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/** Null when the request may go on to Next.js; otherwise what to answer. Reads a clone of the body. */
export async function refuseBadActionRequest(req: Request): Promise<TRefusal | null> {
  if (req.method !== 'POST' || !req.headers.has('next-action')) return null;
  const origin = req.headers.get('origin');
  // Like Next.js: no Origin is a hand-made request (it carries no one's cookies by accident).
  if (origin !== null && originHost(origin) !== requestHost(req.headers)) {
    return { status: 403, message: 'Actions of this site can only be called from its own pages.' };
  }
  const length = req.headers.get('content-length');
  if (length === null) return { status: 411, message: 'An action call must say its length (Content-Length).' };
  if (!/^\d+$/.test(length) || Number(length) > ACTION_BODY_LIMIT_BYTES) {
    return { status: 413, message: 'This is more than the 1 MB an action accepts. Send less, or split it up.' };
  }
  const type = (req.headers.get('content-type') ?? '').toLowerCase();
  try {
    // React sends an action's arguments as JSON text, or as a form (with files) when a form posts.
    if (type.startsWith('text/plain')) JSON.parse(await req.clone().text());
    else if (type.startsWith('multipart/form-data') || type.startsWith('application/x-www-form-urlencoded')) await req.clone().formData();
    else return { status: 415, message: 'An action call is sent as text/plain or as a form.' };
  } catch {
    return { status: 400, message: 'The action call could not be read. Reload the page and try again.' };
  }
  return null;
}
