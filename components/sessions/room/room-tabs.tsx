'use client';
import type { ReactNode } from 'react';
import { BreakoutPeople } from './breakouts/breakout-people';
import { BreakoutsPanel } from './breakouts/breakouts-panel';
import { useRoomSwitch } from './breakouts/room-switch';
import { useBreakouts } from './breakouts/use-breakouts';
import { ChatTab } from './chat-tab';
import { PeopleTab } from './people-tab';
import { QaTab } from './qa-tab';
import s from './room.module.css';

const TABS = ['Company', 'People', 'Q&A', 'Chat', 'Breakouts'] as const;
export type TTab = (typeof TABS)[number];

/**
 * The right side of the room: the session's company, its people, its Q&A and its chat; hosts
 * also run the breakout rooms here. In a breakout room People and Chat are that room's;
 * Company and Q&A stay the session's.
 */
export function RoomTabs({ sessionId, myId, company, tab, onTab, timeZone }: { sessionId: string; myId: string; company: ReactNode; tab: TTab; onTab(tab: TTab): void; timeZone: string }) {
  const { place } = useRoomSwitch();
  const view = useBreakouts(sessionId).data;
  const tabs = TABS.filter((t) => t !== 'Breakouts' || view?.canManage);
  const shown = tabs.includes(tab) ? tab : 'Q&A';
  const room = place.kind === 'breakout' ? view?.round?.rooms.find((r) => r.id === place.roomId) : undefined;
  let panel: ReactNode;
  if (shown === 'Company') panel = company;
  else if (shown === 'People') panel = place.kind === 'breakout' ? <BreakoutPeople sessionId={sessionId} roomId={place.roomId} /> : <PeopleTab sessionId={sessionId} />;
  else if (shown === 'Q&A') panel = <QaTab sessionId={sessionId} />;
  else if (shown === 'Chat') {
    panel =
      place.kind === 'breakout' ? (
        <ChatTab key={place.roomId} kind="breakout" ownerId={place.roomId} myId={myId} intro={`The chat of ${room?.name ?? 'this breakout room'}: only the people in it (and the hosts) see it.`} />
      ) : (
        <ChatTab ownerId={sessionId} myId={myId} />
      );
  } else panel = <BreakoutsPanel sessionId={sessionId} timeZone={timeZone} />;
  return (
    <aside className={s.side} aria-label="Session">
      <div className={s.tabs} role="tablist" aria-label="Session tabs">
        {tabs.map((t) => (
          <button key={t} type="button" role="tab" aria-selected={shown === t} aria-controls={`tab-${t}`} onClick={() => onTab(t)}>
            {t}
          </button>
        ))}
      </div>
      <div id={`tab-${shown}`} role="tabpanel" aria-label={shown}>
        {panel}
      </div>
    </aside>
  );
}
