'use client';
import { LiveOnly } from '@/components/live/use-refresh-after-change';
import { ChatJoin } from '@/components/video/chat-join';
import { ColleaguePicker } from '@/components/video/colleague-controls';
import type { TInboxChat, TRecruiterInbox } from '@/lib/chats/recruiter-inbox';
import { formatDay, formatInstant } from '@/lib/time/format';
import { AvailabilityDay } from './availability-day';
import { NoShowBadges } from './no-show-badges';
import { RecruiterInbox } from './recruiter-inbox';
import { RecruiterNoteForm } from './recruiter-note-form';
import { useRecruiterInbox } from './use-chat-reads';

type TEventInfo = { id: string; slug: string; timeZone: string; joinOpensMinutesBefore: number };
type TProps = { event: TEventInfo; meId: string; initial: TRecruiterInbox };

/** Manage 1-1 Chats' requests and chats, live on the recruiter's own topic (`user:<me>`). */
export function ManageInbox({ event, meId, initial }: TProps) {
  const { data } = useRecruiterInbox(event.id, meId, initial);
  const now = Date.now();
  const extra = (c: TInboxChat) => {
    if (c.status === 'confirmed') {
      return (
        <div className="stack" style={{ gap: 6 }}>
          <div><ChatJoin slug={event.slug} chat={{ id: c.id, startsAt: c.startsAt ? new Date(c.startsAt) : null, endsAt: c.endsAt ? new Date(c.endsAt) : null }} mode={c.mode} event={event} /></div>
          {c.mode !== 'in_person' ? <ColleaguePicker chatId={c.id} candidates={data.colleagues} added={c.added} /> : null}
        </div>
      );
    }
    if (c.status !== 'completed') return null;
    return (
      <div className="stack" style={{ gap: 6 }}>
        <NoShowBadges talent={c.talentNoShow} recruiter={c.recruiterNoShow} />
        <RecruiterNoteForm chatId={c.id} initial={c.recruiterNote} />
      </div>
    );
  };
  return (
    <LiveOnly>
      <RecruiterInbox
        colleagues={data.colleagues}
        eventZone={event.timeZone}
        items={data.chats.map((c) => ({
          id: c.id,
          status: c.status,
          initiatedBy: c.initiatedBy,
          talentName: c.talentName,
          talentHeadline: c.talentHeadline,
          message: c.message,
          answer: c.answer,
          when: c.startsAt && ['confirmed', 'completed'].includes(c.status) ? formatInstant(new Date(c.startsAt), event.timeZone) : '',
          startsAtIso: c.startsAt ?? '',
          mode: c.mode,
          extra: extra(c),
          note: c.note,
          endedBy: c.endedBy,
          suggestedName: c.suggestedName,
          started: !!c.startsAt && Date.parse(c.startsAt) <= now,
        }))}
        freeSlots={data.free.length}
        rescheduleSlots={data.free}
      />
    </LiveOnly>
  );
}

/** The recruiter's days with who booked which slot; the same read as the inbox, so one refetch serves both. */
export function ManageAvailability({ event, meId, initial, nowIso }: TProps & { nowIso: string }) {
  const { data } = useRecruiterInbox(event.id, meId, initial);
  return (
    <LiveOnly>
      <div className="stack">
        {data.days.map((d) => (
          <AvailabilityDay key={d.day.id} view={d} dayLabel={formatDay(d.day.date)} timeZone={event.timeZone} nowIso={nowIso} />
        ))}
      </div>
    </LiveOnly>
  );
}
