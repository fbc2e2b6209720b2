'use client';
import dynamic from 'next/dynamic';
import { useEffect, useState } from 'react';
import { Alert } from '@/components/ui/card';
import { untilLabel, useNow } from './use-now';

// livekit-client needs the browser: the call loads on the client only.
const CallStage = dynamic(() => import('./call-stage').then((m) => m.CallStage), {
  ssr: false,
  loading: () => <p className="muted">Loading the call…</p>,
});

/** Gates entry by the join window; once someone is in, the call stays even past its end. */
export function CallRoom({ chatId, myName, opensAtIso, closesAtIso, opensLabel }: { chatId: string; myName: string; opensAtIso: string; closesAtIso: string; opensLabel: string }) {
  const now = useNow(5_000);
  const [entered, setEntered] = useState(false);
  const opensAt = new Date(opensAtIso);
  const isOpen = !!now && now >= opensAt && now < new Date(closesAtIso);
  useEffect(() => {
    if (isOpen) setEntered(true);
  }, [isOpen]);
  if (!now) return <p className="muted">Loading…</p>;
  if (!entered && now < opensAt) {
    return <Alert tone="info">The call opens {opensLabel} ({untilLabel(now, opensAt)}). This page lets you in by itself then — no need to reload.</Alert>;
  }
  if (!entered && now >= new Date(closesAtIso)) return <Alert tone="info">This chat has ended, so its call is closed.</Alert>;
  return <CallStage chatId={chatId} myName={myName} />;
}
