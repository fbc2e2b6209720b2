'use client';
import { useLocalParticipant } from '@livekit/components-react';
import { Track, type LocalVideoTrack } from 'livekit-client';
import { useId, useState } from 'react';
import { BACKGROUNDS, backgroundById } from './backgrounds';

/** The own camera's background: none, slight or strong blur, or a bundled image (LiveKit track processors, loaded on first use). */
export function BackgroundPicker() {
  const { localParticipant, isCameraEnabled } = useLocalParticipant();
  const id = useId();
  const [current, setCurrent] = useState('none');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function choose(next: string) {
    const track = localParticipant.getTrackPublication(Track.Source.Camera)?.track as LocalVideoTrack | undefined;
    if (!track) return;
    const choice = backgroundById(next);
    setBusy(true);
    setProblem(null);
    try {
      if (choice.id === 'none') {
        await track.stopProcessor();
      } else {
        const { BackgroundBlur, VirtualBackground, supportsBackgroundProcessors } = await import('@livekit/track-processors');
        if (!supportsBackgroundProcessors()) throw new Error('unsupported');
        // One processor at a time: the old one stops before the new one starts.
        await track.stopProcessor();
        await track.setProcessor('blurRadius' in choice ? BackgroundBlur(choice.blurRadius) : VirtualBackground((choice as { image: string }).image));
      }
      setCurrent(choice.id);
    } catch {
      setProblem('Background effects are not available in this browser right now.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <span className="row" style={{ gap: 6 }}>
      <label htmlFor={id} className="small">Background</label>
      <select id={id} value={current} disabled={!isCameraEnabled || busy} onChange={(e) => void choose(e.target.value)} title={isCameraEnabled ? undefined : 'Turn your camera on to change its background'}>
        {BACKGROUNDS.map((b) => <option key={b.id} value={b.id}>{b.label}</option>)}
      </select>
      {problem ? <span className="small" role="status">{problem}</span> : null}
    </span>
  );
}
