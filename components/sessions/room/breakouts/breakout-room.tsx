'use client';
import { ConnectionStateToast, ControlBar, GridLayout, ParticipantTile, RoomAudioRenderer, useTracks } from '@livekit/components-react';
import { Track } from 'livekit-client';
import { BackgroundPicker } from '@/components/video/background-picker';
import { BreakoutBar, BroadcastBanner, HostCalls } from './breakout-bar';
import type { TBreakoutRoom } from './use-breakouts';
import roomStyles from '../room.module.css';

/** Inside a breakout room (its own LiveKit room): everyone's camera, their controls, the bar and the hosts' banner. */
export function BreakoutRoomView({ sessionId, room, timeZone }: { sessionId: string; room: TBreakoutRoom | undefined; timeZone: string }) {
  return (
    <div className="stack" style={{ gap: 12 }}>
      <BreakoutBar sessionId={sessionId} room={room} />
      <BroadcastBanner sessionId={sessionId} />
      <HostCalls sessionId={sessionId} timeZone={timeZone} />
      <div className={roomStyles.room} data-lk-theme="default" role="region" aria-label={`Breakout room ${room?.name ?? ''}`.trim()}>
        <BreakoutTiles />
        <div className={`${roomStyles.controls} ${roomStyles.darkControls}`}>
          <ControlBar controls={{ microphone: true, camera: true, screenShare: true, leave: true, chat: false, settings: false }} />
          <BackgroundPicker />
        </div>
      </div>
      <RoomAudioRenderer />
      <ConnectionStateToast />
    </div>
  );
}

function BreakoutTiles() {
  const tracks = useTracks(
    [
      { source: Track.Source.Camera, withPlaceholder: true },
      { source: Track.Source.ScreenShare, withPlaceholder: false },
    ],
    { onlySubscribed: false },
  );
  return (
    <GridLayout tracks={tracks} className={roomStyles.grid}>
      <ParticipantTile />
    </GridLayout>
  );
}
