'use client';
import { useState, useTransition } from 'react';
import type { TErrorBody, TResult } from '@/lib/errors';

/** Runs a server action returning TResult and keeps its errors for the form to show. */
export function useSubmit<I, T extends object>(action: (input: I) => Promise<TResult<T>>, onOk?: (result: T) => void) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<TErrorBody | null>(null);
  const [done, setDone] = useState(false);
  const submit = (input: I) =>
    start(async () => {
      setDone(false);
      let res: TResult<T>;
      try {
        res = await action(input);
      } catch {
        res = { ok: false, error: { code: 'internal', message: 'Could not reach the server. Check your connection and try again.' } };
      }
      if (res.ok) {
        setError(null);
        setDone(true);
        onOk?.(res);
      } else setError(res.error);
    });
  const fieldError = (name: string) => error?.fieldErrors?.[name];
  return { submit, pending, error, done, fieldError, reset: () => { setError(null); setDone(false); }, dismiss: () => setDone(false) };
}
