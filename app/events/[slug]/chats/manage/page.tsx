import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { AvailabilityDay } from '@/components/chats/availability-day';
import { ChatSettingsForm } from '@/components/chats/chat-settings-form';
import { NoShowBadges } from '@/components/chats/no-show-badges';
import { RecruiterInbox } from '@/components/chats/recruiter-inbox';
import { RecruiterNoteForm } from '@/components/chats/recruiter-note-form';
import { ChatJoin } from '@/components/video/chat-join';
import { ColleaguePicker } from '@/components/video/colleague-controls';
import { RecruiterSubnav } from '@/components/chats/recruiter-subnav';
import { LiveRefresh } from '@/components/live/use-live-refresh';
import { Card } from '@/components/ui/card';
import { NoAccess } from '@/components/ui/no-access';
import { recruiterMembership } from '@/lib/chats/permissions';
import { companyRecruiters, getChatSettings, listChatsOf, recruiterDays } from '@/lib/chats/queries';
import { chatSettingsFormValues, endedByLabel, slotOptions } from '@/lib/chats/view';
import { loadEventForPage } from '@/app/_page/load-event';
import { colleaguesOfChats } from '@/lib/chats/chat-colleagues';
import { formatDay, formatInstant } from '@/lib/time/format';

export const metadata: Metadata = { title: 'Manage 1-1 Chats' };

export default async function ManageChatsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { event, user } = await loadEventForPage(slug);
  const db = getDb();
  const membership = user ? await recruiterMembership(db, user.id, event.id) : undefined;
  if (!user || !membership) return <NoAccess what="Manage 1-1 Chats is for recruiters of this event." backHref={`/events/${slug}`} />;
  const now = new Date();
  const [days, settings, chats, members, free] = await Promise.all([
    recruiterDays(db, event.id, user.id),
    getChatSettings(db, event.id, user.id),
    listChatsOf(db, event.id, user.id, 'recruiter'),
    companyRecruiters(db, event.id, membership.companyId),
    slotOptions(db, event.id, user.id, event.timeZone, now),
  ]);
  const colleagues = members.filter((m) => m.id !== user.id);
  const addedTo = await colleaguesOfChats(db, chats.filter((c) => c.chat.status === 'confirmed').map((c) => c.chat.id));
  const extra = ({ chat, mode }: (typeof chats)[number]) => {
    if (chat.status === 'confirmed') {
      return (
        <div className="stack" style={{ gap: 6 }}>
          <div><ChatJoin slug={slug} chat={chat} mode={mode} event={event} /></div>
          {mode !== 'in_person' ? <ColleaguePicker chatId={chat.id} candidates={colleagues} added={addedTo.get(chat.id) ?? []} /> : null}
        </div>
      );
    }
    if (chat.status !== 'completed') return null;
    return (
      <div className="stack" style={{ gap: 6 }}>
        <NoShowBadges talent={chat.talentNoShow} recruiter={chat.recruiterNoShow} />
        <RecruiterNoteForm chatId={chat.id} initial={chat.recruiterNote ?? ''} />
      </div>
    );
  };
  return (
    <div className="stack">
      <LiveRefresh topics={[`event:${event.id}`, `user:${user.id}`]} />
      <RecruiterSubnav slug={slug} current="manage" />
      {/* Three jobs on one page: each has its own anchor, so nobody scrolls past a 100-slot grid. */}
      <nav aria-label="Sections of Manage 1-1 Chats" className="row small" style={{ gap: 12 }}>
        <a href="#requests">Requests and chats</a>
        <a href="#availability">Your availability</a>
        <a href="#settings">How talents reach you</a>
      </nav>
      <Card>
        <h2 id="requests">Requests and chats</h2>
        <RecruiterInbox
          colleagues={colleagues}
          eventZone={event.timeZone}
          items={chats.map((c) => ({
            id: c.chat.id,
            status: c.chat.status,
            initiatedBy: c.chat.initiatedBy,
            talentName: c.talentName ?? 'Talent',
            talentHeadline: c.talentHeadline ?? '',
            message: c.chat.message,
            answer: c.chat.answer,
            when: c.chat.startsAt && ['confirmed', 'completed'].includes(c.chat.status) ? `${formatInstant(c.chat.startsAt, event.timeZone)}` : '',
            startsAtIso: c.chat.startsAt?.toISOString() ?? '',
            mode: c.mode,
            extra: extra(c),
            note: c.chat.cancelReason ? `Cancelled: ${c.chat.cancelReason}` : c.chat.declineMessage ? `Declined: ${c.chat.declineMessage}` : '',
            endedBy: endedByLabel(c.chat, 'recruiter'),
            suggestedName: c.chat.suggestedRecruiterId ? (c.suggestedName ?? 'a colleague') : null,
            started: !!c.chat.startsAt && c.chat.startsAt.getTime() <= now.getTime(),
          }))}
          freeSlots={free.length}
          rescheduleSlots={free}
        />
      </Card>
      <Card>
        <h2 id="availability">Your availability</h2>
        <p className="muted small">Pick a duration per day, select the slots you are free (times in {event.timeZone}), and save each day.</p>
        <div className="stack">
          {days.map((d) => (
            <AvailabilityDay key={d.day.id} view={d} dayLabel={formatDay(d.day.date)} timeZone={event.timeZone} nowIso={now.toISOString()} />
          ))}
        </div>
      </Card>
      <Card>
        <h2 id="settings">How talents reach you</h2>
        <ChatSettingsForm
          eventId={event.id}
          confirmedAt={settings?.confirmedAt?.toISOString() ?? null}
          initial={chatSettingsFormValues(settings)}
        />
      </Card>
    </div>
  );
}
