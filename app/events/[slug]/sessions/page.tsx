import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { SessionList } from '@/components/sessions/session-list';
import { Button } from '@/components/ui/button';
import { Card, EmptyState } from '@/components/ui/card';
import { listEventCompanies } from '@/lib/companies/queries';
import { loadEventForPage } from '@/app/_page/load-event';
import { listProgramme } from '@/lib/sessions/queries';
import { KIND_LABEL, SESSION_KINDS, ZProgrammeFilter } from '@/lib/sessions/schemas';
import { sessionViewer } from '@/lib/sessions/viewer';
import { formatDay } from '@/lib/time/format';
import s from '@/components/sessions/sessions.module.css';
import ui from '@/components/ui/ui.module.css';
import { cancelSignUpAction, signUpAction } from './actions';

export const metadata: Metadata = { title: 'Programme' };

export default async function ProgrammePage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { slug } = await params;
  const filter = ZProgrammeFilter.parse(await searchParams);
  const { event, user, roles, canManage } = await loadEventForPage(slug);
  const db = getDb();
  const [cards, companies, viewer] = await Promise.all([
    listProgramme(db, event.id, user?.id ?? null, filter),
    listEventCompanies(db, event.id),
    sessionViewer(db, user, event.id, roles, canManage),
  ]);
  // Grouped by the day in the event's zone, in time order.
  const days = new Map<string, typeof cards>();
  for (const c of cards) {
    const day = formatDay(c.session.startsAt.toLocaleDateString('en-CA', { timeZone: event.timeZone }));
    days.set(day, [...(days.get(day) ?? []), c]);
  }
  const filtered = !!(filter.kind || filter.company || filter.q);
  return (
    <div className="stack">
      <Card>
        <h2 style={{ marginTop: 0 }}>Programme</h2>
        <p className="muted small">Workshops, company presentations and coffee chats (times in {event.timeZone}). Rooms open 10 minutes before the start.</p>
        <form method="get" className={s.filters} role="search" aria-label="Filter sessions">
          <div className={ui.field}>
            <label className={ui.label} htmlFor="programme-kind">Kind</label>
            <select id="programme-kind" name="kind" className={ui.input} defaultValue={filter.kind ?? ''}>
              <option value="">All kinds</option>
              {SESSION_KINDS.map((k) => <option key={k} value={k}>{KIND_LABEL[k]}</option>)}
            </select>
          </div>
          <div className={ui.field}>
            <label className={ui.label} htmlFor="programme-company">Company</label>
            <select id="programme-company" name="company" className={ui.input} defaultValue={filter.company ?? ''}>
              <option value="">All companies</option>
              {companies.map((c) => <option key={c.company.id} value={c.company.slug}>{c.company.name}</option>)}
            </select>
          </div>
          <div className={ui.field}>
            <label className={ui.label} htmlFor="programme-q">Search</label>
            <input id="programme-q" name="q" type="search" className={ui.input} defaultValue={filter.q ?? ''} placeholder="Title, topic or company" />
          </div>
          <div>
            <Button type="submit" variant="secondary">Show sessions</Button>
          </div>
        </form>
      </Card>
      {cards.length === 0 ? (
        <EmptyState title={filtered ? 'No sessions match' : 'No sessions yet'}>
          <p>{filtered ? 'Try another kind, company or search.' : 'The organizers have not published the programme yet.'}</p>
        </EmptyState>
      ) : (
        [...days].map(([day, list]) => (
          <section key={day} className="stack" aria-label={day}>
            <h3 style={{ margin: 0 }}>{day}</h3>
            <SessionList cards={list} slug={slug} timeZone={event.timeZone} viewer={viewer} actions={{ signUp: signUpAction, cancel: cancelSignUpAction }} />
          </section>
        ))
      )}
    </div>
  );
}
