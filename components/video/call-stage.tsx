'use client';
import '@livekit/components-styles';
import { ConnectionStateToast, ControlBar, GridLayout, LiveKitRoom, ParticipantTile, PreJoin, RoomAudioRenderer, useRoomContext, useTracks, type LocalUserChoices } from '@livekit/components-react';
import { DisconnectReason, RoomEvent, Track } from 'livekit-client';
import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';
import { BackgroundPicker } from './background-picker';
import s from './video.module.css';

type TDetails = { serverUrl: string; token: string; roomName: string; participantName: string };
type TPhase =
  | { kind: 'prejoin' }
  | { kind: 'fetching' }
  | { kind: 'room'; choices: LocalUserChoices; details: TDetails }
  | { kind: 'left' }
  | { kind: 'closed' }
  | { kind: 'error'; message: string };

const unreachable = (url: string) =>
  `Could not reach the video server (${url}). Check your internet connection and try again. If it keeps failing, the event’s video server may be down or misconfigured — please tell the organizer.`;

async function fetchToken(chatId: string): Promise<TDetails> {
  let res: Response;
  try {
    res = await fetch('/api/livekit/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'chat', id: chatId }) });
  } catch {
    throw new Error('Could not reach Fairground to start the call. Check your connection and try again.');
  }
  const body = await res.json().catch(() => null);
  if (!res.ok || !body?.ok) throw new Error(body?.error?.message ?? `The call could not start (error ${res.status}).`);
  return body as TDetails;
}

/** Pre-join (devices and preview), then the call itself; every failure ends in a message, never a blank area. */
export function CallStage({ chatId, myName }: { chatId: string; myName: string }) {
  const [phase, setPhase] = useState<TPhase>({ kind: 'prejoin' });
  const connected = useRef(false);

  async function join(choices: LocalUserChoices) {
    setPhase({ kind: 'fetching' });
    try {
      const details = await fetchToken(chatId);
      connected.current = false;
      setPhase({ kind: 'room', choices, details });
    } catch (e) {
      setPhase({ kind: 'error', message: (e as Error).message });
    }
  }

  if (phase.kind === 'prejoin' || phase.kind === 'fetching') {
    return (
      <div className={s.prejoin} data-lk-theme="default" aria-label="Check your camera and microphone" role="region">
        <PreJoin
          defaults={{ username: myName, videoEnabled: true, audioEnabled: true }}
          joinLabel={phase.kind === 'fetching' ? 'Joining…' : 'Join call'}
          micLabel="Microphone"
          camLabel="Camera"
          userLabel="Your name"
          onSubmit={join}
          onError={() => undefined}
        />
        <p className="small muted">Your camera and microphone stay off for others until you join. You can change devices in the call too.</p>
      </div>
    );
  }
  if (phase.kind === 'closed') return <div className={s.notice}><Alert tone="info">This call was closed: the chat was cancelled. Your 1-1 chats show what happens next.</Alert></div>;
  if (phase.kind === 'error' || phase.kind === 'left') {
    return (
      <div className={s.notice}>
        {phase.kind === 'error' ? <Alert tone="error">{phase.message}</Alert> : <Alert tone="info">You left the call.</Alert>}
        <div><Button type="button" onClick={() => setPhase({ kind: 'prejoin' })}>{phase.kind === 'error' ? 'Try again' : 'Rejoin'}</Button></div>
      </div>
    );
  }
  const { choices, details } = phase;
  return (
    <LiveKitRoom
      className={s.room}
      data-lk-theme="default"
      serverUrl={details.serverUrl}
      token={details.token}
      connect
      video={choices.videoEnabled ? { deviceId: choices.videoDeviceId } : false}
      audio={choices.audioEnabled ? { deviceId: choices.audioDeviceId } : false}
      onConnected={() => {
        connected.current = true;
      }}
      onError={() => setPhase({ kind: 'error', message: connected.current ? 'The call was interrupted. Try joining again.' : unreachable(details.serverUrl) })}
      onDisconnected={() => setPhase((p) => (p.kind !== 'room' ? p : connected.current ? { kind: 'left' } : { kind: 'error', message: unreachable(details.serverUrl) }))}
    >
      <InCall onClosed={() => setPhase({ kind: 'closed' })} />
    </LiveKitRoom>
  );
}

/** The server closed the room (the app deletes a cancelled chat's room): nobody can rejoin it. */
function useRoomClosed(onClosed: () => void) {
  const room = useRoomContext();
  useEffect(() => {
    const handle = (reason?: DisconnectReason) => {
      if (reason === DisconnectReason.ROOM_DELETED) onClosed();
    };
    room.on(RoomEvent.Disconnected, handle);
    return () => {
      room.off(RoomEvent.Disconnected, handle);
    };
  }, [room, onClosed]);
}

function InCall({ onClosed }: { onClosed: () => void }) {
  useRoomClosed(onClosed);
  const tracks = useTracks(
    [
      { source: Track.Source.Camera, withPlaceholder: true },
      { source: Track.Source.ScreenShare, withPlaceholder: false },
    ],
    { onlySubscribed: false },
  );
  return (
    <div className={s.inCall}>
      <GridLayout tracks={tracks} className={s.grid}>
        <ParticipantTile />
      </GridLayout>
      <div className={s.controls}>
        <ControlBar controls={{ microphone: true, camera: true, screenShare: true, leave: true, chat: false, settings: false }} />
        <BackgroundPicker />
      </div>
      <RoomAudioRenderer />
      <ConnectionStateToast />
    </div>
  );
}
