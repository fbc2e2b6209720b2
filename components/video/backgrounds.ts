/**
 * The camera backgrounds on offer in a call: none, two blur strengths, and images bundled with
 * the app (public/backgrounds, drawn by scripts/generate-backgrounds.mjs — nothing downloaded).
 */
export type TBackground =
  | { id: 'none'; label: string }
  | { id: 'blur-light' | 'blur-strong'; label: string; blurRadius: number }
  | { id: string; label: string; image: string };

export const BACKGROUNDS: readonly TBackground[] = [
  { id: 'none', label: 'No effect' },
  // Radii in pixels of the segmenter's blur: "slight" keeps the room recognisable, "strong" does not.
  { id: 'blur-light', label: 'Slight blur', blurRadius: 5 },
  { id: 'blur-strong', label: 'Strong blur', blurRadius: 18 },
  { id: 'calm-blue', label: 'Calm blue', image: '/backgrounds/calm-blue.png' },
  { id: 'warm-evening', label: 'Warm evening', image: '/backgrounds/warm-evening.png' },
  { id: 'studio-grid', label: 'Studio grid', image: '/backgrounds/studio-grid.png' },
];

export function backgroundById(id: string): TBackground {
  return BACKGROUNDS.find((b) => b.id === id) ?? BACKGROUNDS[0]!;
}
