import { zonedInstant } from '@/lib/time/format';

export type TSlotTime = { startsAt: Date; endsAt: Date };

/**
 * Every slot of one duration that fits a day's opening hours, in the event's zone. Computed
 * from wall-clock times so that a day with a DST change still starts and ends where it says.
 */
export function slotGrid(day: { date: string; opensAt: string; closesAt: string }, durationMinutes: number, timeZone: string): TSlotTime[] {
  const opens = zonedInstant(day.date, day.opensAt, timeZone).getTime();
  const closes = zonedInstant(day.date, day.closesAt, timeZone).getTime();
  const step = durationMinutes * 60_000;
  const grid: TSlotTime[] = [];
  for (let t = opens; t + step <= closes; t += step) grid.push({ startsAt: new Date(t), endsAt: new Date(t + step) });
  return grid;
}
