import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { AvailabilityDay } from '@/components/chats/availability-day';
import { ChatSettingsForm } from '@/components/chats/chat-settings-form';
import { TeamOverview, teamSummary } from '@/components/chats/team-overview';
import { RecruiterSubnav } from '@/components/chats/recruiter-subnav';
import { LiveRefresh } from '@/components/live/use-live-refresh';
import { topics } from '@/lib/live/topics';
import { Card } from '@/components/ui/card';
import { NoAccess } from '@/components/ui/no-access';
import { recruiterMembership } from '@/lib/chats/permissions';
import { colleagueAvailability, teamOverview } from '@/lib/chats/team';
import { chatSettingsFormValues } from '@/lib/chats/view';
import { loadEventForPage } from '@/app/_page/load-event';
import { readForPage } from '@/app/_page/read-for-page';
import { formatDay } from '@/lib/time/format';

export const metadata: Metadata = { title: 'Team 1-1 Chats' };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ for?: string | string[] }> };

export default async function TeamChatsPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { for: forParam } = await searchParams;
  const { event, user } = await loadEventForPage(slug);
  const db = getDb();
  const membership = user ? await recruiterMembership(db, user.id, event.id) : undefined;
  if (!user || !membership) return <NoAccess what="The team overview is for recruiters of this event." backHref={`/events/${slug}`} signInTo={user ? undefined : `/events/${slug}/chats/team`} />;
  const live = <LiveRefresh topics={[topics.team(event.id, membership.companyId)]} />;
  const colleagueId = typeof forParam === 'string' && forParam ? forParam : undefined;

  if (colleagueId && colleagueId !== user.id) {
    // The lib function decides; the page only turns its refusal into NoAccess.
    if (membership.role !== 'admin') return <NoAccess what="Only a company admin can set availability for a colleague." backHref={`/events/${slug}/chats/team`} />;
    const read = await readForPage(colleagueAvailability(db, user, event.id, colleagueId), `/events/${slug}/chats/team`);
    if (!read.ok) return read.page;
    const { recruiter, days, settings } = read.data;
    return (
      <div className="stack">
        {live}
        <RecruiterSubnav slug={slug} current="team" />
        <p className="small"><Link href={`/events/${slug}/chats/team`}>← Back to the team</Link></p>
        <Card>
          <h2>Availability of {recruiter.name}</h2>
          <p className="muted small">You set these slots as a company admin for {recruiter.name} (times in {event.timeZone}). Save each day.</p>
          <div className="stack">
            {days.map((d) => (
              <AvailabilityDay key={`${recruiter.id}-${d.day.id}`} recruiterId={recruiter.id} view={d} dayLabel={formatDay(d.day.date)} timeZone={event.timeZone} nowIso={new Date().toISOString()} />
            ))}
          </div>
        </Card>
        <Card>
          <h2>How talents reach {recruiter.name}</h2>
          <ChatSettingsForm
            eventId={event.id}
            recruiterId={recruiter.id}
            confirmedAt={settings?.confirmedAt?.toISOString() ?? null}
            initial={chatSettingsFormValues(settings)}
          />
        </Card>
      </div>
    );
  }

  const team = await teamOverview(db, user, event.id);
  return (
    <div className="stack">
      {live}
      <RecruiterSubnav slug={slug} current="team" />
      <Card>
        <div className="row" style={{ justifyContent: 'space-between' }}>
          <h2 style={{ margin: 0 }}>Your team</h2>
          <Link href={`/events/${slug}/chats/all`} className="small">All 1-1 Chats of the company →</Link>
        </div>
        <p className="muted small">{teamSummary(team.members)}</p>
        <TeamOverview members={team.members} slug={slug} isAdmin={team.isAdmin} timeZone={event.timeZone} />
      </Card>
    </div>
  );
}
