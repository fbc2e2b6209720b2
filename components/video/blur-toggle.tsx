'use client';
import { useLocalParticipant } from '@livekit/components-react';
import { Track, type LocalVideoTrack } from 'livekit-client';
import { useState } from 'react';

/** Background blur on the own camera, through LiveKit's track processors (loaded on first use). */
export function BlurToggle() {
  const { localParticipant, isCameraEnabled } = useLocalParticipant();
  const [on, setOn] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function toggle() {
    const track = localParticipant.getTrackPublication(Track.Source.Camera)?.track as LocalVideoTrack | undefined;
    if (!track) return;
    setBusy(true);
    setProblem(null);
    try {
      const { BackgroundBlur, supportsBackgroundProcessors } = await import('@livekit/track-processors');
      if (!supportsBackgroundProcessors()) throw new Error('unsupported');
      if (on) await track.stopProcessor();
      else await track.setProcessor(BackgroundBlur(12));
      setOn(!on);
    } catch {
      setProblem('Background blur is not available in this browser right now.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <span className="row" style={{ gap: 6 }}>
      <button type="button" className="lk-button" aria-pressed={on} disabled={!isCameraEnabled || busy} onClick={toggle} title={isCameraEnabled ? undefined : 'Turn your camera on to blur its background'}>
        {on ? 'Unblur background' : 'Blur background'}
      </button>
      {problem ? <span className="small" role="status">{problem}</span> : null}
    </span>
  );
}
