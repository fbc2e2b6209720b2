'use client';
import { PreJoin, RoomContext } from '@livekit/components-react';
import { Button } from '@/components/ui/button';
import { useStageFlow, useStageFlowIfAny } from './stage-flow';
import s from './room.module.css';

/**
 * The participant's stage control, the same wherever it shows (bottom bar, People, Q&A, Chat):
 * request, withdraw while pending, the countdown with Cancel, or Deactivate on stage.
 */
export function StageButton({ compact = false }: { compact?: boolean }) {
  const flow = useStageFlowIfAny();
  if (!flow || flow.canModerate) return null;
  switch (flow.phase) {
    case 'idle':
      return <Button onClick={flow.openPreview} disabled={flow.busy}>Request to join with Mic &amp; Camera</Button>;
    case 'preview':
      return compact ? <span className="small muted">Check your camera and microphone below the stage.</span> : null;
    case 'pending':
      return (
        <span className="row" style={{ gap: 8 }}>
          <span className="small" role="status">Your request is waiting for a host.</span>
          <Button variant="secondary" onClick={flow.withdraw} disabled={flow.busy}>Withdraw request</Button>
        </span>
      );
    case 'countdown':
      return (
        <span className="row" style={{ gap: 8 }}>
          <strong role="status" aria-live="assertive">Accepted! You are on screen in {flow.countdown}…</strong>
          <Button variant="secondary" onClick={flow.withdraw} disabled={flow.busy}>Cancel</Button>
        </span>
      );
    case 'on_stage':
      return <Button variant="secondary" onClick={flow.deactivate} disabled={flow.busy}>✌️ Deactivate Mic &amp; Camera</Button>;
  }
}

/** Camera and microphone preview before the request is sent (turn either off, pick devices). */
export function StagePreview({ myName }: { myName: string }) {
  const flow = useStageFlow();
  if (flow.phase !== 'preview') return null;
  return (
    <div className={s.preview} role="region" aria-label="Preview your camera and microphone">
      {/* Outside the room's context: inside it, PreJoin's toggles would try to publish to the room. */}
      <RoomContext.Provider value={undefined}>
        <PreJoin
          defaults={{ username: myName, videoEnabled: true, audioEnabled: true }}
          joinLabel="Send request"
          micLabel="Microphone"
          camLabel="Camera"
          userLabel="Your name"
          onSubmit={flow.send}
          onError={() => undefined}
        />
      </RoomContext.Provider>
      <div className="row" style={{ justifyContent: 'center' }}>
        <Button variant="ghost" onClick={flow.closePreview}>Not now</Button>
      </div>
    </div>
  );
}

/** The bottom bar of the stage: the participant's control and any error. */
export function StageBar() {
  const flow = useStageFlow();
  return (
    <div className={s.stageBar}>
      <StageButton />
      {flow.error ? <span className="small" role="alert">{flow.error}</span> : null}
    </div>
  );
}
