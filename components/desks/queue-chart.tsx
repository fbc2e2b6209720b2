import type { TQueuePoint } from '@/lib/desks/queue-chart';
import s from './desks.module.css';

const W = 640;
const H = 180;
const PAD = 28;

/** Queue length (bars) and mean wait (line) over the desk's day, as a plain SVG. */
export function QueueChart({ points, label }: { points: TQueuePoint[]; label: (iso: string) => string }) {
  if (points.length === 0) return null;
  const maxQueue = Math.max(1, ...points.map((p) => p.queueLength));
  const maxWait = Math.max(1, ...points.map((p) => p.avgWaitMinutes ?? 0));
  const step = (W - 2 * PAD) / points.length;
  const y = (v: number, max: number) => H - PAD - (v / max) * (H - 2 * PAD);
  const line = points
    .map((p, i) => (p.avgWaitMinutes === null ? null : `${PAD + i * step + step / 2},${y(p.avgWaitMinutes, maxWait)}`))
    .filter(Boolean)
    .join(' ');
  return (
    <figure style={{ margin: 0 }}>
      <svg viewBox={`0 0 ${W} ${H}`} className={s.chart} role="img" aria-label={`Queue length up to ${maxQueue} people, waits up to ${maxWait.toFixed(0)} minutes`}>
        {points.map((p, i) => (
          <rect key={p.at} x={PAD + i * step + 1} width={Math.max(1, step - 2)} y={y(p.queueLength, maxQueue)} height={H - PAD - y(p.queueLength, maxQueue)} fill="var(--brand-soft)" stroke="var(--brand)">
            <title>{`${label(p.at)}: ${p.queueLength} waiting${p.avgWaitMinutes === null ? '' : `, mean wait ${p.avgWaitMinutes} min`}`}</title>
          </rect>
        ))}
        {line ? <polyline points={line} fill="none" stroke="var(--ok, #16a34a)" strokeWidth={2} /> : null}
        <text x={PAD} y={H - 8} fontSize={11}>{label(points[0]!.at)}</text>
        <text x={W - PAD} y={H - 8} fontSize={11} textAnchor="end">{label(points.at(-1)!.at)}</text>
        <text x={4} y={PAD - 8} fontSize={11}>{maxQueue} waiting</text>
      </svg>
      <figcaption className="small muted">Bars: people waiting. Line: mean wait of those admitted (up to {maxWait.toFixed(0)} min).</figcaption>
    </figure>
  );
}
