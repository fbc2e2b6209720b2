'use client';
import { useState, type ReactNode } from 'react';
import { ChatTab } from './chat-tab';
import { PeopleTab } from './people-tab';
import { QaTab } from './qa-tab';
import s from './room.module.css';

const TABS = ['Company', 'People', 'Q&A', 'Chat'] as const;
type TTab = (typeof TABS)[number];

/** The right side of the room: the session's company, its people, its Q&A and its chat. */
export function RoomTabs({ sessionId, myId, company }: { sessionId: string; myId: string; company: ReactNode }) {
  const [tab, setTab] = useState<TTab>('Q&A');
  return (
    <aside className={s.side} aria-label="Session">
      <div className={s.tabs} role="tablist" aria-label="Session tabs">
        {TABS.map((t) => (
          <button key={t} type="button" role="tab" aria-selected={tab === t} aria-controls={`tab-${t}`} onClick={() => setTab(t)}>
            {t}
          </button>
        ))}
      </div>
      <div id={`tab-${tab}`} role="tabpanel" aria-label={tab}>
        {tab === 'Company' ? company : tab === 'People' ? <PeopleTab sessionId={sessionId} /> : tab === 'Q&A' ? <QaTab sessionId={sessionId} /> : <ChatTab sessionId={sessionId} myId={myId} />}
      </div>
    </aside>
  );
}
