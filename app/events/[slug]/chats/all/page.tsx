import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { AllChatsFilter, AllChatsList, STATUS_LABEL } from '@/components/chats/all-chats-list';
import { NoShowBadges } from '@/components/chats/no-show-badges';
import { RecruiterSubnav } from '@/components/chats/recruiter-subnav';
import { ChatJoin } from '@/components/video/chat-join';
import { JoinAsColleague } from '@/components/video/colleague-controls';
import { LiveRefresh } from '@/components/live/use-live-refresh';
import { topics } from '@/lib/live/topics';
import { Alert, Card, EmptyState } from '@/components/ui/card';
import { NoAccess } from '@/components/ui/no-access';
import { recruiterMembership } from '@/lib/chats/permissions';
import { companyChats, ZChatStatusFilter } from '@/lib/chats/team';
import { loadEventForPage } from '@/app/_page/load-event';
import { colleaguesOfChats } from '@/lib/chats/chat-colleagues';
import { formatInstant } from '@/lib/time/format';

export const metadata: Metadata = { title: 'All 1-1 Chats' };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ status?: string | string[] }> };

export default async function AllChatsPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { status: rawStatus } = await searchParams;
  const { event, user } = await loadEventForPage(slug);
  const db = getDb();
  const membership = user ? await recruiterMembership(db, user.id, event.id) : undefined;
  if (!user || !membership) return <NoAccess what="All 1-1 Chats is for recruiters of this event." backHref={`/events/${slug}`} signInTo={user ? undefined : `/events/${slug}/chats/all`} />;
  // An unknown ?status= shows everything with a note, rather than an error page.
  const parsed = ZChatStatusFilter.safeParse(rawStatus || undefined);
  const status = parsed.success ? parsed.data : undefined;
  const chats = await companyChats(db, user, event.id, status);
  const addedTo = await colleaguesOfChats(db, chats.filter((c) => c.status === 'confirmed').map((c) => c.id));
  const extra = (c: (typeof chats)[number]) => {
    if (c.status === 'completed') return <NoShowBadges talent={c.talentNoShow} recruiter={c.recruiterNoShow} />;
    if (c.status !== 'confirmed' || c.mode === 'in_person') return null;
    const inChat = c.recruiterId === user.id || (addedTo.get(c.id) ?? []).some((a) => a.id === user.id);
    const others = (addedTo.get(c.id) ?? []).filter((a) => a.id !== user.id);
    return (
      <div className="row" style={{ alignItems: 'center' }}>
        {inChat ? <ChatJoin slug={slug} chat={c} mode={c.mode} event={event} /> : <JoinAsColleague chatId={c.id} label="Add me to this chat" />}
        {others.length ? <span className="small muted">With {others.map((o) => o.name).join(', ')}</span> : null}
      </div>
    );
  };
  return (
    <div className="stack">
      <LiveRefresh topics={[topics.team(event.id, membership.companyId)]} />
      <RecruiterSubnav slug={slug} current="all" />
      <Card>
        <div className="row" style={{ justifyContent: 'space-between' }}>
          <h2 style={{ margin: 0 }}>All 1-1 Chats</h2>
          <Link href={`/events/${slug}/chats/team`} className="small">Team overview →</Link>
        </div>
        <p className="muted small">Every 1-1 chat of your company in this event. Times in {event.timeZone}.</p>
        <AllChatsFilter slug={slug} current={status} />
        {!parsed.success ? <Alert tone="warn">That status filter is unknown, so all chats are shown.</Alert> : null}
      </Card>
      {chats.length === 0 ? (
        <EmptyState title={status ? `No ${STATUS_LABEL[status].toLowerCase()} chats` : 'No 1-1 chats yet'}>
          <p>{status ? 'Try another status, or show all chats.' : 'Chats appear here as soon as talents book or request one, or a recruiter invites a talent.'}</p>
        </EmptyState>
      ) : (
        <AllChatsList
          timeZone={event.timeZone}
          items={chats.map((c) => ({
            id: c.id,
            status: c.status,
            talentName: c.talentName,
            recruiterName: c.recruiterName,
            initiatedBy: c.initiatedBy,
            startsAt: c.startsAt?.toISOString() ?? null,
            startsLabel: c.startsAt ? formatInstant(c.startsAt, event.timeZone) : null,
            requestedLabel: `sent ${formatInstant(c.createdAt, event.timeZone)}`,
            // The receiver declines, the sender withdraws: say who, by name.
            outcome:
              c.status === 'declined'
                ? `Declined by ${c.initiatedBy === 'talent' ? c.recruiterName : c.talentName}`
                : c.status === 'withdrawn'
                  ? `Withdrawn by ${c.initiatedBy === 'talent' ? c.talentName : 'the company'}`
                  : null,
            extra: extra(c),
          }))}
        />
      )}
    </div>
  );
}
