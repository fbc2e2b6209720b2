'use client';
import '@livekit/components-styles';
import { ConnectionStateToast, GridLayout, LiveKitRoom, ParticipantTile, RoomAudioRenderer, TrackToggle, useRoomContext, useTracks } from '@livekit/components-react';
import { Track } from 'livekit-client';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';
import { BlurToggle } from '@/components/video/blur-toggle';
import { api } from './api';
import { HostRequests } from './host-requests';
import { RoomTabs } from './room-tabs';
import { StageBar, StagePreview } from './stage-controls';
import { StageFlowProvider, useStageFlow } from './stage-flow';
import { useRoomData } from './use-room-data';
import s from './room.module.css';

type TDetails = { serverUrl: string; token: string; roomName: string; participantName: string; role: string };
type TPhase = { kind: 'fetching' } | { kind: 'room'; details: TDetails } | { kind: 'left' } | { kind: 'error'; message: string };

const unreachable = (url: string) =>
  `Could not reach the video server (${url}). Check your internet connection and try again. If it keeps failing, please tell the organizers.`;

/** Connects to the session's room with a fresh token (which carries the stage state) and shows it. */
export function SessionStage({ sessionId, myId, myName, backHref, isHost, company }: { sessionId: string; myId: string; myName: string; backHref: string; isHost: boolean; company: ReactNode }) {
  const [phase, setPhase] = useState<TPhase>({ kind: 'fetching' });
  const connected = useRef(false);
  const router = useRouter();
  const connect = () => {
    setPhase({ kind: 'fetching' });
    api<TDetails>('/api/livekit/token', { method: 'POST', body: { kind: 'session', id: sessionId } })
      .then((details) => {
        connected.current = false;
        setPhase({ kind: 'room', details });
      })
      .catch((e: Error) => setPhase({ kind: 'error', message: e.message }));
  };
  useEffect(connect, [sessionId]); // eslint-disable-line react-hooks/exhaustive-deps

  if (phase.kind === 'fetching') return <p className="muted">Entering the room…</p>;
  if (phase.kind === 'error' || phase.kind === 'left') {
    return (
      <div className="stack">
        {phase.kind === 'error' ? <Alert tone="error">{phase.message}</Alert> : <Alert tone="info">You left the session.</Alert>}
        <div className="row">
          <Button onClick={connect}>{phase.kind === 'error' ? 'Try again' : 'Enter again'}</Button>
          <Button variant="secondary" onClick={() => router.push(backHref)}>Back to the session</Button>
        </div>
      </div>
    );
  }
  const { details } = phase;
  return (
    <LiveKitRoom
      className={s.layout}
      serverUrl={details.serverUrl}
      token={details.token}
      connect
      // Hosts come in with camera and microphone on; everyone else watches (subscribe-only).
      video={isHost}
      audio={isHost}
      onConnected={() => {
        connected.current = true;
      }}
      onError={() => setPhase({ kind: 'error', message: connected.current ? 'The connection to the room was interrupted. Enter again.' : unreachable(details.serverUrl) })}
      onDisconnected={() => setPhase((p) => (p.kind !== 'room' ? p : connected.current ? { kind: 'left' } : { kind: 'error', message: unreachable(details.serverUrl) }))}
    >
      <StageFlowProvider sessionId={sessionId}>
        <div className="stack" style={{ gap: 12 }}>
          <div className={s.top}>
            <HostCount sessionId={sessionId} />
            <LeaveButton />
          </div>
          {isHost ? <HostRequests sessionId={sessionId} /> : null}
          <div className={s.room} data-lk-theme="default" role="region" aria-label="Stage">
            <StageTiles sessionId={sessionId} />
            <StageControls isHost={isHost} />
            {isHost ? null : <StageBar />}
          </div>
          <StagePreview myName={myName} />
          <RoomAudioRenderer />
          <ConnectionStateToast />
        </div>
        <RoomTabs sessionId={sessionId} myId={myId} company={company} />
      </StageFlowProvider>
    </LiveKitRoom>
  );
}

function HostCount({ sessionId }: { sessionId: string }) {
  const room = useRoomData(sessionId);
  const n = room.data ? room.data.hosts.length + room.data.onStage.filter((p) => p.status === 'ready').length : 0;
  return <span className="small muted">{room.data ? `${n} on screen · ${room.data.audience.length} in the audience` : ''}</span>;
}

function LeaveButton() {
  const room = useRoomContext();
  return <Button variant="secondary" onClick={() => void room.disconnect()}>Leave</Button>;
}

/** Hosts and audience members on stage, camera and screen share; nobody else has a tile. */
function StageTiles({ sessionId }: { sessionId: string }) {
  const room = useRoomData(sessionId);
  const onScreen = new Set([...(room.data?.hosts ?? []).map((h) => h.id), ...(room.data?.onStage ?? []).filter((p) => p.status === 'ready').map((p) => p.id)]);
  const tracks = useTracks(
    [
      { source: Track.Source.Camera, withPlaceholder: true },
      { source: Track.Source.ScreenShare, withPlaceholder: false },
    ],
    { onlySubscribed: false },
  ).filter((t) => onScreen.has(t.participant.identity));
  if (tracks.length === 0) return <div className={s.empty}>The hosts are not on screen yet. Stay here: the stage fills as soon as they are.</div>;
  return (
    <GridLayout tracks={tracks} className={s.grid}>
      <ParticipantTile />
    </GridLayout>
  );
}

/** Camera, microphone, screen share and blur for whoever may publish (hosts, people on stage). */
function StageControls({ isHost }: { isHost: boolean }) {
  const flow = useStageFlow();
  if (!isHost && flow.phase !== 'on_stage') return null;
  return (
    <div className={s.controls}>
      <TrackToggle source={Track.Source.Microphone}>Microphone</TrackToggle>
      <TrackToggle source={Track.Source.Camera}>Camera</TrackToggle>
      <TrackToggle source={Track.Source.ScreenShare}>Share screen</TrackToggle>
      <BlurToggle />
    </div>
  );
}
