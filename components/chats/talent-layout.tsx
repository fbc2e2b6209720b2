'use client';
import { useState, type ReactNode } from 'react';
import s from './chats.module.css';

/**
 * The talent's chats in two columns — what needs doing and their requests on one side,
 * confirmed chats by day on the other. Below 900 px the columns become two tabs; the tab state
 * only hides a column by CSS, so both are rendered on the server and nothing jumps on load.
 */
export function TalentColumns({ requests, confirmed, requestsCount, confirmedCount }: { requests: ReactNode; confirmed: ReactNode; requestsCount: number; confirmedCount: number }) {
  const [tab, setTab] = useState<'requests' | 'confirmed'>('requests');
  const tabs = [
    { key: 'requests' as const, label: `Requests (${requestsCount})`, id: 'talent-requests' },
    { key: 'confirmed' as const, label: `Confirmed (${confirmedCount})`, id: 'talent-confirmed' },
  ];
  return (
    <div className={s.columns} data-tab={tab}>
      <div className={s.columnTabs} role="tablist" aria-label="My 1-1 Chats">
        {tabs.map((t, i) => (
          <button
            key={t.key}
            type="button"
            role="tab"
            id={`${t.id}-tab`}
            aria-selected={tab === t.key}
            aria-controls={t.id}
            tabIndex={tab === t.key ? 0 : -1}
            onClick={() => setTab(t.key)}
            onKeyDown={(e) => {
              if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
              const next = tabs[(i + 1) % 2]!;
              setTab(next.key);
              document.getElementById(`${next.id}-tab`)?.focus();
            }}
          >
            {t.label}
          </button>
        ))}
      </div>
      <section id="talent-requests" className={s.column} data-column="requests" aria-labelledby="talent-requests-heading">
        <h3 id="talent-requests-heading">Requests</h3>
        {requests}
      </section>
      <section id="talent-confirmed" className={s.column} data-column="confirmed" aria-labelledby="talent-confirmed-heading">
        <h3 id="talent-confirmed-heading">Confirmed chats</h3>
        {confirmed}
      </section>
    </div>
  );
}

export type TRequestGroup = { key: string; label: string; items: ReactNode[] };

/** The talent's other requests with a filter: all, sent, declined, cancelled, completed. */
export function RequestFilter({ groups }: { groups: TRequestGroup[] }) {
  const [current, setCurrent] = useState('all');
  const all = groups.flatMap((g) => g.items);
  const shown = current === 'all' ? all : (groups.find((g) => g.key === current)?.items ?? []);
  return (
    <div className="stack" style={{ gap: 8 }}>
      <div className="row" role="group" aria-label="Show requests" style={{ gap: 6 }}>
        {[{ key: 'all', label: 'All', items: all }, ...groups].map((g) => (
          <button key={g.key} type="button" className={s.chip} aria-pressed={current === g.key} onClick={() => setCurrent(g.key)}>
            {g.label} ({g.items.length})
          </button>
        ))}
      </div>
      {shown.length ? <ul className={s.list}>{shown}</ul> : <p className="muted small" style={{ margin: 0 }}>Nothing here.</p>}
    </div>
  );
}
