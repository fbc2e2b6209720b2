import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { TalentFilterForm, TalentList, type TTalentFilters } from '@/components/chats/talent-browser';
import { RecruiterSubnav } from '@/components/chats/recruiter-subnav';
import { TeamTimesProvider, type TMemberTimes } from '@/components/chats/team-times';
import { LiveRefresh } from '@/components/live/use-live-refresh';
import { topics } from '@/lib/live/topics';
import { Alert, Card } from '@/components/ui/card';
import { NoAccess } from '@/components/ui/no-access';
import { creditBalance } from '@/lib/chats/credits';
import { recruiterMembership } from '@/lib/chats/permissions';
import { recruiterDays } from '@/lib/chats/queries';
import { searchTalents } from '@/lib/chats/talent-search';
import { slotOptionsOf } from '@/lib/chats/view';
import { formatDay } from '@/lib/time/format';
import { AppError } from '@/lib/errors';
import { loadEventForPage } from '@/app/_page/load-event';

export const metadata: Metadata = { title: 'Talents' };

type TSearchParams = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export default async function TalentsPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<TSearchParams> }) {
  const [{ slug }, sp] = await Promise.all([params, searchParams]);
  const { event, user } = await loadEventForPage(slug);
  const noAccess = <NoAccess what="Talent profiles are for recruiters of this event." backHref={`/events/${slug}`} signInTo={user ? undefined : `/events/${slug}/chats/talents`} />;
  if (!user) return noAccess;

  const basePath = `/events/${slug}/chats/talents`;
  const filters: TTalentFilters = { q: one(sp.q), level: one(sp.level), lang: one(sp.lang) };
  const db = getDb();
  let result: Awaited<ReturnType<typeof searchTalents>> | null = null;
  let filterError: string | null = null;
  try {
    result = await searchTalents(db, user, event.id, { q: filters.q, experienceLevel: filters.level, language: filters.lang, page: one(sp.page) || 1 });
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    if (e.code !== 'invalid_input') return noAccess;
    filterError = Object.values(e.fieldErrors ?? {})[0] ?? e.message;
  }
  const credits = await creditBalance(db, event.id, user.id, 'recruiter');
  const outOfCredits = credits.left !== null && credits.left <= 0;
  // Each team member's free slots (and, where this person may edit them, their days): the
  // request form shows the times of whoever the chat is for.
  const now = new Date();
  const membership = await recruiterMembership(db, user.id, event.id);
  const byMember: Record<string, TMemberTimes> = {};
  const team = result?.team ?? [];
  // Every member's free slots in one query.
  const freeOf = await slotOptionsOf(db, event.id, team.map((m) => m.id), event.timeZone, now);
  for (const m of team) {
    const mayEdit = m.isSelf || membership?.role === 'admin';
    const days = mayEdit ? await recruiterDays(db, event.id, m.id) : null;
    byMember[m.id] = { free: freeOf.get(m.id) ?? [], days: days ? days.map((d) => ({ view: d, label: formatDay(d.day.date) })) : null };
  }

  return (
    <div className="stack">
      {/* A company page (its few recruiters), so re-rendering it on its team's hints stays cheap. */}
      {membership ? <LiveRefresh topics={[topics.team(event.id, membership.companyId), topics.user(user.id)]} /> : <LiveRefresh topics={[topics.user(user.id)]} />}
      <RecruiterSubnav slug={slug} current="talents" />
      <Card>
        <div className="row" style={{ justifyContent: 'space-between' }}>
          <strong>{credits.limit === null ? 'No limit' : `${credits.left} of ${credits.limit} requests left`}</strong>
          <span className="muted small">
            {credits.limit === null
              ? 'Your organizer set no limit on 1-1 chat requests for recruiters.'
              : 'Each request you send uses one, also when it is for a colleague. A withdrawn request gives it back.'}
          </span>
        </div>
      </Card>
      {result?.requestBlockedReason ? (
        <Alert tone="info">{result.requestBlockedReason} Recruiters cannot send 1-1 chat requests here; talents find you through your availability.</Alert>
      ) : null}
      <Card>
        <h2>Find talents</h2>
        <TalentFilterForm basePath={basePath} filters={filters} />
      </Card>
      <section className="stack" aria-label="Talents">
        {filterError ? <Alert tone="error">{filterError} — change the filters and try again.</Alert> : null}
        {result ? (
          <TeamTimesProvider value={{ byMember, timeZone: event.timeZone, nowIso: now.toISOString() }}>
          <TalentList
            eventId={event.id}
            slug={slug}
            basePath={basePath}
            filters={filters}
            talents={result.talents}
            total={result.total}
            page={result.page}
            pageCount={result.pageCount}
            team={result.team}
            mayRequest={!result.requestBlockedReason}
            noCreditsReason={outOfCredits ? 'You have no 1-1 chat requests left in this event.' : undefined}
          />
          </TeamTimesProvider>
        ) : null}
      </section>
    </div>
  );
}
