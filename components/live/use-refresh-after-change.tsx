'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { createContext, useContext, useMemo, type ReactNode } from 'react';

// Whether the controls below re-render the server page after the viewer's own change. A page
// whose every changing part is a live query says no: its JSON routes are enough, and a server
// re-render would run all of its reads again for nothing.
const ServerRefresh = createContext(true);

/** Wraps the parts of a page that show only live (React Query) data. */
export function LiveOnly({ children }: { children: ReactNode }) {
  return <ServerRefresh.Provider value={false}>{children}</ServerRefresh.Provider>;
}

/**
 * After the viewer's own change: refetch the live queries the page shows (its JSON routes) and,
 * outside `LiveOnly`, re-render its server parts. Only the actor's own page does this, once per
 * action; everyone else learns of the change through a hint on a narrow topic.
 */
export function useRefreshAfterChange(): { refresh: () => void } {
  const router = useRouter();
  const qc = useQueryClient();
  const serverToo = useContext(ServerRefresh);
  return useMemo(
    () => ({
      refresh: () => {
        void qc.invalidateQueries({ type: 'active' });
        if (serverToo) router.refresh();
      },
    }),
    [qc, router, serverToo],
  );
}
