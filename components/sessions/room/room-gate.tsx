'use client';
import dynamic from 'next/dynamic';
import { useEffect, useState, type ReactNode } from 'react';
import { Alert } from '@/components/ui/card';
import { untilLabel, useNow } from '@/components/video/use-now';

// livekit-client needs the browser: the room loads on the client only.
const SessionStage = dynamic(() => import('./session-stage').then((m) => m.SessionStage), {
  ssr: false,
  loading: () => <p className="muted">Loading the room…</p>,
});

/** Lets people in from a few minutes before the start; before that, says when (and opens by itself). */
export function RoomGate(props: { sessionId: string; myId: string; myName: string; backHref: string; isHost: boolean; company: ReactNode; opensAtIso: string; endsAtIso: string; opensLabel: string; timeZone: string }) {
  const now = useNow(5_000);
  const [entered, setEntered] = useState(false);
  const opensAt = new Date(props.opensAtIso);
  const isOpen = !!now && now >= opensAt && now < new Date(props.endsAtIso);
  useEffect(() => {
    if (isOpen) setEntered(true);
  }, [isOpen]);
  if (!now) return <p className="muted">Loading…</p>;
  if (!entered && now < opensAt) return <Alert tone="info">The room opens {props.opensLabel} ({untilLabel(now, opensAt)}). This page lets you in by itself then — no need to reload.</Alert>;
  if (!entered) return <Alert tone="info">This session has ended, so its room is closed.</Alert>;
  const { opensAtIso: _o, endsAtIso: _e, opensLabel: _l, ...rest } = props;
  return <SessionStage {...rest} />;
}
