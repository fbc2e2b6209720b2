'use client';
import { useLocalParticipant, useLocalParticipantPermissions, type LocalUserChoices } from '@livekit/components-react';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { api } from './api';
import { useRoomData } from './use-room-data';

export const COUNTDOWN_SECONDS = 5;

type TPhase = 'idle' | 'preview' | 'pending' | 'countdown' | 'on_stage';
type TStageFlow = {
  phase: TPhase;
  countdown: number;
  busy: boolean;
  error: string | null;
  canModerate: boolean;
  openPreview(): void;
  closePreview(): void;
  send(choices: LocalUserChoices): void;
  withdraw(): void;
  deactivate(): void;
};

const StageFlowContext = createContext<TStageFlow | null>(null);

export function useStageFlow(): TStageFlow {
  const flow = useContext(StageFlowContext);
  if (!flow) throw new Error('useStageFlow outside StageFlowProvider');
  return flow;
}

/** The stage flow where there is one (the main room), null in a breakout room (no stage there). */
export function useStageFlowIfAny(): TStageFlow | null {
  return useContext(StageFlowContext);
}

/**
 * The audience member's way onto the stage: preview → request → (host accepts) → 5-second
 * countdown with Cancel → on screen → Deactivate. The server's answer (stage state in
 * PostgreSQL, publish granted on LiveKit) leads; the browser publishes only once LiveKit says
 * it may, and stops its camera and microphone whenever it is no longer on stage.
 */
export function StageFlowProvider({ sessionId, children }: { sessionId: string; children: ReactNode }) {
  const qc = useQueryClient();
  const room = useRoomData(sessionId);
  const me = room.data?.me ?? null;
  const canModerate = room.data?.canModerate ?? false;
  const { localParticipant } = useLocalParticipant();
  const permissions = useLocalParticipantPermissions();
  const [preview, setPreview] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [countdown, setCountdown] = useState(COUNTDOWN_SECONDS);
  const choices = useRef<LocalUserChoices | null>(null);
  const countingFor = useRef<string | null>(null);
  const publishing = useRef(false);

  const step = useCallback(
    async (action: 'request' | 'withdraw' | 'ready' | 'leave') => {
      setBusy(true);
      setError(null);
      try {
        await api(`/api/sessions/${sessionId}/stage`, { method: 'POST', body: { action } });
      } catch (e) {
        setError((e as Error).message);
      } finally {
        setBusy(false);
        await qc.invalidateQueries({ queryKey: [`session:${sessionId}`] });
      }
    },
    [qc, sessionId],
  );

  // Accepted: count down once per request, then go on stage (unless cancelled meanwhile).
  useEffect(() => {
    if (me?.status !== 'accepted' || countingFor.current === me.requestId) return;
    countingFor.current = me.requestId;
    setCountdown(COUNTDOWN_SECONDS);
    let left = COUNTDOWN_SECONDS;
    const timer = setInterval(() => {
      left -= 1;
      setCountdown(left);
      if (left <= 0) {
        clearInterval(timer);
        void step('ready');
      }
    }, 1000);
    return () => clearInterval(timer);
  }, [me?.status, me?.requestId, step]);

  // On stage: once LiveKit lets this connection publish (the server's permission update arrives
  // shortly after the answer, or at once with a reloaded token), publish camera and microphone
  // as previewed — both, after a reload. Off stage: stop them.
  const onStage = me?.status === 'ready';
  useEffect(() => {
    if (canModerate) return;
    if (!onStage) {
      if (publishing.current) {
        publishing.current = false;
        void localParticipant.setCameraEnabled(false).catch(() => undefined);
        void localParticipant.setMicrophoneEnabled(false).catch(() => undefined);
        void localParticipant.setScreenShareEnabled(false).catch(() => undefined);
      }
      return;
    }
    if (publishing.current) return;
    let cancelled = false;
    const started = Date.now();
    const tryPublish = () => {
      if (cancelled) return;
      if (!localParticipant.permissions?.canPublish) {
        if (Date.now() - started > 15_000) return setError('The video server has not let you publish yet. Deactivate and ask again.');
        timer = setTimeout(tryPublish, 200);
        return;
      }
      publishing.current = true;
      const c = choices.current;
      void localParticipant.setCameraEnabled(c ? c.videoEnabled : true, c?.videoDeviceId ? { deviceId: c.videoDeviceId } : undefined).catch(() => setError('Your camera could not start. Check that no other app uses it.'));
      void localParticipant.setMicrophoneEnabled(c ? c.audioEnabled : true, c?.audioDeviceId ? { deviceId: c.audioDeviceId } : undefined).catch(() => setError('Your microphone could not start.'));
    };
    let timer = setTimeout(tryPublish, 0);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [onStage, canModerate, localParticipant, permissions?.canPublish]);

  const phase: TPhase = onStage ? 'on_stage' : me?.status === 'accepted' ? 'countdown' : me?.status === 'pending' ? 'pending' : preview ? 'preview' : 'idle';
  const value: TStageFlow = {
    phase,
    countdown,
    busy,
    error,
    canModerate,
    openPreview: () => setPreview(true),
    closePreview: () => setPreview(false),
    send: (c) => {
      choices.current = c;
      setPreview(false);
      void step('request');
    },
    withdraw: () => void step('withdraw'),
    deactivate: () => {
      publishing.current = false;
      void localParticipant.setCameraEnabled(false).catch(() => undefined);
      void localParticipant.setMicrophoneEnabled(false).catch(() => undefined);
      void step('leave');
    },
  };
  return <StageFlowContext.Provider value={value}>{children}</StageFlowContext.Provider>;
}
