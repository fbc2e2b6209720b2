import 'server-only';
import { env } from '@/lib/env';

export type TOAuthProvider = { id: 'github' | 'google'; name: string };

export function oauthProviders(): TOAuthProvider[] {
  const o = env().oauth;
  return [o.github ? { id: 'github' as const, name: 'GitHub' } : null, o.google ? { id: 'google' as const, name: 'Google' } : null].filter(
    (p): p is TOAuthProvider => p !== null,
  );
}
