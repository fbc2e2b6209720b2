'use client';
import '@livekit/components-styles';
import { ConnectionStateToast, GridLayout, LiveKitRoom, ParticipantTile, RoomAudioRenderer, TrackToggle, useRoomContext, usePersistentUserChoices, useTracks } from '@livekit/components-react';
import { useQueryClient } from '@tanstack/react-query';
import { DisconnectReason, RoomEvent, Track } from 'livekit-client';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';
import { BlurToggle } from '@/components/video/blur-toggle';
import { api } from './api';
import { BreakoutRoomView } from './breakouts/breakout-room';
import { BreakoutNotice, BroadcastBanner, HostCalls } from './breakouts/breakout-bar';
import { MAIN, RoomSwitchProvider, assignedPlace, mayBeIn, placeKey, type TPlace } from './breakouts/room-switch';
import { fetchBreakoutView, useBreakouts, viewKey } from './breakouts/use-breakouts';
import { HostRequests } from './host-requests';
import { RoomTabs, type TTab } from './room-tabs';
import { StageBar, StagePreview } from './stage-controls';
import { StageFlowProvider, useStageFlow } from './stage-flow';
import { useRoomData } from './use-room-data';
import s from './room.module.css';

type TDetails = { serverUrl: string; token: string; roomName: string; participantName: string; role: string };
type TPhase = { kind: 'fetching' } | { kind: 'room'; details: TDetails; place: TPlace } | { kind: 'left'; place: TPlace } | { kind: 'error'; message: string; place: TPlace };

const unreachable = (url: string) =>
  `Could not reach the video server (${url}). Check your internet connection and try again. If it keeps failing, please tell the organizers.`;

/**
 * The session's room. One LiveKit room at a time: the session's own, or a breakout room (each
 * its own LiveKit room, since self-hosted LiveKit cannot move participants). Switching leaves
 * one and joins the other with a fresh token; the breakout view decides where a participant
 * belongs (their room while the round is open), so a reload lands there too.
 */
export function SessionStage({ sessionId, myId, myName, backHref, isHost, company, timeZone }: { sessionId: string; myId: string; myName: string; backHref: string; isHost: boolean; company: ReactNode; /** The event's: times on screen are written in it. */ timeZone: string }) {
  const breakouts = useBreakouts(sessionId);
  const view = breakouts.data;
  const qc = useQueryClient();
  const router = useRouter();
  const [place, setPlace] = useState<TPlace | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [phase, setPhase] = useState<TPhase>({ kind: 'fetching' });
  const [tab, setTab] = useState<TTab>('Q&A');
  // Left on purpose: nothing connects again (not even a new assignment) until they enter again.
  const [away, setAway] = useState(false);
  const connected = useRef(false);
  const shown = useRef(phase);
  shown.current = phase;
  const assigned = useRef<string | null>(null);

  // Follow the breakouts: a new assignment (rooms opened, moved by a host, rooms closed) takes
  // this browser there; a place that is no longer allowed (room gone, round over) falls back.
  useEffect(() => {
    if (!view) {
      if (breakouts.isError) setPlace((p) => p ?? MAIN);
      return;
    }
    const next = assignedPlace(view);
    if (assigned.current !== placeKey(next)) {
      assigned.current = placeKey(next);
      setPlace(next);
    } else if (place?.kind === 'breakout' && !mayBeIn(view, place.roomId)) setPlace(next);
  }, [view, breakouts.isError, place]);

  const key = place ? placeKey(place) : null;
  useEffect(() => {
    if (!place || away) return;
    let cancelled = false;
    setPhase({ kind: 'fetching' });
    api<TDetails>('/api/livekit/token', { method: 'POST', body: place.kind === 'session' ? { kind: 'session', id: sessionId } : { kind: 'breakout', id: place.roomId } })
      .then((details) => {
        if (cancelled) return;
        connected.current = false;
        setPhase({ kind: 'room', details, place });
      })
      .catch((e: Error) => !cancelled && setPhase({ kind: 'error', message: e.message, place }));
    return () => {
      cancelled = true;
    };
  }, [key, attempt, sessionId, away]); // eslint-disable-line react-hooks/exhaustive-deps

  // Going where one already is keeps the connection (the connection follows the place's key).
  const goTo = (next: TPlace) => {
    setAway(false);
    setPlace(next);
  };
  const enterAgain = () => {
    setAway(false);
    setAttempt((a) => a + 1);
  };
  // Taken out of a breakout room by the server (moved, rooms closed): ask where to be now.
  const resettle = async () => {
    setPhase({ kind: 'fetching' });
    const fresh = await qc.fetchQuery({ queryKey: viewKey(sessionId), queryFn: () => fetchBreakoutView(sessionId), staleTime: 0 }).catch(() => undefined);
    const next = fresh ? assignedPlace(fresh) : MAIN;
    assigned.current = placeKey(next);
    setPlace(next);
    setAttempt((a) => a + 1);
  };

  const roomName = (p: TPlace) => (p.kind === 'breakout' ? view?.round?.rooms.find((r) => r.id === p.roomId)?.name ?? 'the breakout room' : null);
  if (phase.kind === 'fetching') return <p className="muted" role="status">{place?.kind === 'breakout' ? `Moving you to ${roomName(place)}…` : 'Entering the room…'}</p>;
  if (phase.kind === 'error' || phase.kind === 'left') {
    const inBreakout = phase.place.kind === 'breakout';
    return (
      <div className="stack">
        {phase.kind === 'error' ? <Alert tone="error">{phase.message}</Alert> : <Alert tone="info">{inBreakout ? `You left ${roomName(phase.place)}.` : 'You left the session.'}</Alert>}
        <div className="row">
          <Button onClick={enterAgain}>{phase.kind === 'error' ? 'Try again' : 'Enter again'}</Button>
          {inBreakout ? <Button variant="secondary" onClick={() => goTo(MAIN)}>Return to main session</Button> : null}
          <Button variant="secondary" onClick={() => router.push(backHref)}>Back to the session</Button>
        </div>
      </div>
    );
  }
  const { details } = phase;
  const here = phase.place;
  const current = (p: TPhase) => p.kind === 'room' && p.details === details;
  const breakoutRoom = here.kind === 'breakout' ? view?.round?.rooms.find((r) => r.id === here.roomId) : undefined;
  const body =
    here.kind === 'breakout' ? (
      <>
        <BreakoutRoomView sessionId={sessionId} room={breakoutRoom} timeZone={timeZone} />
        <RoomTabs sessionId={sessionId} myId={myId} company={company} tab={tab} onTab={setTab} timeZone={timeZone} />
      </>
    ) : (
      <StageFlowProvider sessionId={sessionId}>
        <div className="stack" style={{ gap: 12 }}>
          <div className={s.top}>
            <HostCount sessionId={sessionId} />
            <LeaveButton />
          </div>
          <BroadcastBanner sessionId={sessionId} />
          <HostCalls sessionId={sessionId} timeZone={timeZone} />
          <BreakoutNotice sessionId={sessionId} />
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
        <RoomTabs sessionId={sessionId} myId={myId} company={company} tab={tab} onTab={setTab} timeZone={timeZone} />
      </StageFlowProvider>
    );
  return (
    <MediaRoom
      key={`${details.roomName}-${attempt}`}
      details={details}
      // In a breakout room everyone talks; in the main room hosts come in with camera and
      // microphone on, everyone else watches (subscribe-only) until brought on stage.
      publish={here.kind === 'breakout' || isHost}
      onConnected={() => {
        connected.current = true;
      }}
      onError={() => setPhase((p) => (!current(p) ? p : { kind: 'error', place: here, message: connected.current ? 'The connection to the room was interrupted. Enter again.' : unreachable(details.serverUrl) }))}
    >
      <OnDisconnect
        onDisconnect={(reason) => {
          // Only this connection's own end counts (a switch ends the old one on purpose).
          if (!current(shown.current)) return;
          // A breakout room the server took this person out of (moved, closed): go where the view says.
          if (here.kind === 'breakout' && connected.current && reason !== DisconnectReason.CLIENT_INITIATED) return void resettle();
          if (!connected.current) return setPhase({ kind: 'error', place: here, message: unreachable(details.serverUrl) });
          setAway(true);
          setPhase({ kind: 'left', place: here });
        }}
      />
      <RoomSwitchProvider value={{ place: here, goTo }}>{body}</RoomSwitchProvider>
    </MediaRoom>
  );
}

/** One LiveKit connection; publishing starts camera and microphone with the devices chosen before (any preview or device menu). */
function MediaRoom({ details, publish, onConnected, onError, children }: { details: TDetails; publish: boolean; onConnected(): void; onError(): void; children: ReactNode }) {
  // Read per connection (this component is keyed by it), so a device picked in the last room counts.
  const { userChoices } = usePersistentUserChoices({ preventSave: true });
  return (
    <LiveKitRoom
      className={s.layout}
      serverUrl={details.serverUrl}
      token={details.token}
      connect
      video={publish ? { deviceId: userChoices.videoDeviceId || undefined } : false}
      audio={publish ? { deviceId: userChoices.audioDeviceId || undefined } : false}
      onConnected={onConnected}
      onError={onError}
    >
      {children}
    </LiveKitRoom>
  );
}

/** Reports why the room disconnected (LiveKitRoom's own callback does not say). */
function OnDisconnect({ onDisconnect }: { onDisconnect: (reason?: DisconnectReason) => void }) {
  const room = useRoomContext();
  const latest = useRef(onDisconnect);
  latest.current = onDisconnect;
  useEffect(() => {
    const handle = (reason?: DisconnectReason) => latest.current(reason);
    room.on(RoomEvent.Disconnected, handle);
    return () => {
      room.off(RoomEvent.Disconnected, handle);
    };
  }, [room]);
  return null;
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
