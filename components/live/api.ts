'use client';

/**
 * JSON to and from the app's routes; every failure is an Error whose message a person can read.
 * `signal`: React Query's, from the queryFn — a read superseded by the next hint (or a query
 * left) is then aborted in the browser instead of running to an answer nobody applies.
 */
export async function api<T>(url: string, init?: { method?: string; body?: unknown; signal?: AbortSignal }): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: init?.method ?? 'GET',
      headers: { 'content-type': 'application/json' },
      body: init?.body === undefined ? undefined : JSON.stringify(init.body),
      signal: init?.signal,
    });
  } catch (err) {
    // An abort is React Query's own doing, not a failure to show.
    if (init?.signal?.aborted) throw err;
    throw new Error('Could not reach the server. Check your connection and try again.');
  }
  const body = await res.json().catch(() => null);
  if (!res.ok || !body?.ok) throw new Error(body?.error?.message ?? `Something went wrong (${res.status}).`);
  return body as T;
}
