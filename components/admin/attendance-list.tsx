import Link from 'next/link';
import { STATUS_LABEL } from '@/components/chats/all-chats-list';
import { Badge } from '@/components/ui/card';
import { ModeBadge } from '@/components/ui/mode-badge';
import type { TAttendanceChat, TAttendanceFilter, TAttendanceSummary, TPresence } from '@/lib/chats/attendance-queries';
import { formatInstant } from '@/lib/time/format';
import c from '@/components/chats/chats.module.css';
import s from './attendance.module.css';

export function AttendanceSummary({ summary }: { summary: TAttendanceSummary }) {
  const figures: [string, number, boolean][] = [
    ['Confirmed (upcoming)', summary.confirmed, false],
    ['Completed', summary.completed, false],
    ['Cancelled', summary.cancelled, false],
    ['Talent no-shows', summary.talentNoShows, summary.talentNoShows > 0],
    ['Recruiter no-shows', summary.recruiterNoShows, summary.recruiterNoShows > 0],
  ];
  return (
    <dl className={s.stats}>
      {figures.map(([label, n, warn]) => (
        <div key={label} className={`${s.stat} ${warn ? s.statWarn : ''}`}>
          <dt>{label}</dt>
          <dd>{n}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Links, not a form: each filter is a shareable URL and works without JavaScript. */
export function AttendanceFilter({ slug, current }: { slug: string; current: TAttendanceFilter }) {
  const options: [TAttendanceFilter, string, string][] = [
    ['all', 'All chats', `/events/${slug}/manage/chats`],
    ['no-shows', 'Only no-shows', `/events/${slug}/manage/chats?show=no-shows`],
  ];
  return (
    <nav aria-label="Filter chats" className={s.filter}>
      {options.map(([value, label, href]) => (
        <Link key={value} href={href} aria-current={value === current ? 'page' : undefined}>{label}</Link>
      ))}
    </nav>
  );
}

function Presence({ presence, chat, timeZone }: { presence: TPresence; chat: TAttendanceChat; timeZone: string }) {
  if (chat.mode === 'in_person') return <span className="muted small">In person — not tracked</span>;
  if (!presence.firstJoinedAt) return <span className="muted small">{chat.status === 'confirmed' ? 'Not joined yet' : 'Did not join'}</span>;
  return (
    <span className="small">
      Joined <time dateTime={presence.firstJoinedAt.toISOString()}>{formatInstant(presence.firstJoinedAt, timeZone)}</time> · {presence.minutes} min
      {presence.isInCall ? <> <Badge tone="ok">In the call</Badge></> : null}
    </span>
  );
}

const NoShow = ({ is }: { is: boolean | null }) => (is ? <Badge tone="warn">No-show</Badge> : null);

function AttendanceItem({ chat, timeZone }: { chat: TAttendanceChat; timeZone: string }) {
  // Completed video chats get a verdict only when video was configured at completion.
  const isUnjudged = chat.status === 'completed' && chat.mode === 'virtual' && chat.talent.noShow === null;
  return (
    <li className={c.item}>
      <div className={c.itemHead}>
        <strong>
          <time dateTime={chat.startsAt.toISOString()}>{formatInstant(chat.startsAt, timeZone)}</time>
        </strong>
        <span className={s.badges}>
          <ModeBadge mode={chat.mode} />
          <Badge tone={chat.status === 'completed' ? 'ok' : 'brand'}>{STATUS_LABEL[chat.status]}</Badge>
        </span>
      </div>
      <div className={s.sides}>
        <section className={s.side} aria-label="Talent">
          <h3>Talent</h3>
          <div className={s.person}>
            <strong>{chat.talent.name}</strong> <NoShow is={chat.talent.noShow} />
          </div>
          <Presence presence={chat.talent.presence} chat={chat} timeZone={timeZone} />
        </section>
        <section className={s.side} aria-label="Recruiter side">
          <h3>Recruiter side</h3>
          <div className={s.person}>
            <strong>{chat.recruiter.name}</strong> <span className="muted small">{chat.company.name}</span> <NoShow is={chat.recruiter.noShow} />
          </div>
          <Presence presence={chat.recruiter.presence} chat={chat} timeZone={timeZone} />
          {chat.colleagues.length > 0 ? (
            <ul className={s.colleagues} aria-label="Colleagues">
              {chat.colleagues.map((p) => (
                <li key={p.id}>
                  <span className="small">{p.name} (colleague)</span> · <Presence presence={p.presence} chat={chat} timeZone={timeZone} />
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      </div>
      {isUnjudged ? <span className="muted small">No-shows were not evaluated: video was not set up when this chat ended.</span> : null}
    </li>
  );
}

export function AttendanceList({ chats, timeZone }: { chats: TAttendanceChat[]; timeZone: string }) {
  return (
    <ul className={c.list}>
      {chats.map((chat) => (
        <AttendanceItem key={chat.id} chat={chat} timeZone={timeZone} />
      ))}
    </ul>
  );
}
