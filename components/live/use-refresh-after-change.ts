'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useMemo } from 'react';

/**
 * After the viewer's own change: refetch the live queries the page shows (its JSON routes) and
 * re-render its server parts. Only the actor's own page does this, once per action; everyone
 * else learns of the change through a hint on a narrow topic.
 */
export function useRefreshAfterChange(): { refresh: () => void } {
  const router = useRouter();
  const qc = useQueryClient();
  return useMemo(() => ({ refresh: () => { void qc.invalidateQueries({ type: 'active' }); router.refresh(); } }), [qc, router]);
}
