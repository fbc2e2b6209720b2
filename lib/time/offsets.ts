// Building an Intl formatter costs far more than using one: keep one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

type TWallClock = Readonly<{ year: number; month: number; day: number; hour: number; minute: number; second: number }>;

// Pages format the same few instants (sessions, days, slots) on every request, several times
// each (the time, and the offsets a day either side for the repeated-hour check): remember the
// answers. Exact — the same instant in the same zone always reads the same — and bounded.
const wallClocks = new Map<string, TWallClock>();
const MAX_WALL_CLOCKS = 20_000;

/** Wall-clock time of an instant in a zone, as its parts (shared and frozen: do not change them). */
export function wallClock(ms: number, timeZone: string): TWallClock {
  const key = `${timeZone}|${ms}`;
  let w = wallClocks.get(key);
  if (!w) {
    const p = Object.fromEntries(formatterFor(timeZone).formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
    w = Object.freeze({ year: +p.year!, month: +p.month!, day: +p.day!, hour: +p.hour!, minute: +p.minute!, second: +p.second! });
    if (wallClocks.size >= MAX_WALL_CLOCKS) wallClocks.clear();
    wallClocks.set(key, w);
  }
  return w;
}

/** Minutes the zone is ahead of UTC at an instant (Berlin in summer: 120). */
export function offsetMinutesAt(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

/**
 * Every change of the zone's offset in [from, to): the instant and the offsets either side.
 * Found by sampling every 6 hours, then halving to the minute (no zone changes twice in 6 h).
 */
export function offsetChanges(from: number, to: number, timeZone: string): { at: number; before: number; after: number }[] {
  const step = 6 * 3_600_000;
  const out: { at: number; before: number; after: number }[] = [];
  let prev = offsetMinutesAt(from, timeZone);
  for (let t = from; t < to; t += step) {
    const next = Math.min(t + step, to);
    const o = offsetMinutesAt(next, timeZone);
    if (o === prev) continue;
    let lo = t;
    let hi = next;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (offsetMinutesAt(mid, timeZone) === prev) lo = mid;
      else hi = mid;
    }
    out.push({ at: hi, before: prev, after: o });
    prev = o;
  }
  return out;
}
