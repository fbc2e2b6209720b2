'use client';
import { createContext, useContext, useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import type { TRecruiterDay } from '@/lib/chats/queries';
import { AvailabilityDay } from './availability-day';
import type { TSlotOption } from './chat-actions';

/** One team member's times as the request form shows them; `days` only where the viewer may edit. */
export type TMemberTimes = { free: TSlotOption[]; days: { view: TRecruiterDay; label: string }[] | null };
type TTeamTimes = { byMember: Record<string, TMemberTimes>; timeZone: string; nowIso: string };

const TeamTimes = createContext<TTeamTimes | null>(null);

/** Sent once per page, read by every talent's request form (not repeated per talent). */
export function TeamTimesProvider({ value, children }: { value: TTeamTimes; children: ReactNode }) {
  return <TeamTimes.Provider value={value}>{children}</TeamTimes.Provider>;
}

const SHOWN = 12;

/**
 * Inside the request form: the free slots the talent will pick from — the chosen colleague's,
 * not the sender's — and, for someone who may edit them, the editor itself, so the typed
 * message is never lost to a page change.
 */
export function MemberTimes({ memberId, name }: { memberId: string; name: string }) {
  const ctx = useContext(TeamTimes);
  const [editing, setEditing] = useState(false);
  const times = ctx?.byMember[memberId];
  if (!ctx || !times) return null;
  const whose = name === 'you' ? 'Your' : `${name}’s`;
  return (
    <div className="stack" style={{ gap: 6 }} role="group" aria-label={`${whose} free slots`}>
      <span className="small"><strong>{whose} free slots</strong> — the talent picks one of these.</span>
      {times.free.length === 0 ? (
        <p className="small muted" style={{ margin: 0 }}>None right now: the talent can pick a time only once slots are added.</p>
      ) : (
        <ul className="row small" style={{ listStyle: 'none', margin: 0, padding: 0, gap: 4 }}>
          {times.free.slice(0, SHOWN).map((s) => (
            <li key={s.id} style={{ padding: '1px 6px', borderRadius: 4, background: 'var(--ok-soft)', color: 'var(--ok)' }}>{s.label.replace(/ \(.*\)$/, '')}</li>
          ))}
          {times.free.length > SHOWN ? <li className="muted">and {times.free.length - SHOWN} more</li> : null}
        </ul>
      )}
      {times.days ? (
        <div>
          <Button type="button" variant="secondary" aria-expanded={editing} onClick={() => setEditing(!editing)}>
            {editing ? `Done editing` : `Edit ${whose.toLowerCase() === 'your' ? 'your' : whose} slots`}
          </Button>
        </div>
      ) : null}
      {editing && times.days ? (
        <div className="stack">
          {times.days.map((d) => (
            <AvailabilityDay key={d.view.day.id} view={d.view} dayLabel={d.label} timeZone={ctx.timeZone} recruiterId={memberId} nowIso={ctx.nowIso} />
          ))}
        </div>
      ) : null}
    </div>
  );
}
