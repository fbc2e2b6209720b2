// The demo fair's days for one browser-test run. playwright.config.ts fixes the first day when the
// run starts (today in Berlin) and both app servers seed with it (SEED_DEMO_FIRST_DAY), so a walk
// after local midnight still finds the days the seed made before it. Walks read the days here,
// never from the clock. No imports beyond Intl: playwright.config.ts loads this file too.

export const DEMO_ZONE = 'Europe/Berlin';

/** The calendar date (YYYY-MM-DD) of an instant in a zone. */
export function dateIn(zone: string, at: Date = new Date()): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** The calendar day after an ISO date. */
export function nextDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** The demo fair's two days as this run seeded them. */
export function demoFairDays(): { first: string; second: string } {
  const first = process.env.E2E_DEMO_FIRST_DAY;
  if (!first || !/^\d{4}-\d{2}-\d{2}$/.test(first)) {
    throw new Error(`E2E_DEMO_FIRST_DAY is "${first ?? ''}": run the walks through playwright.config.ts, which sets it and seeds the demo fair with it`);
  }
  return { first, second: nextDate(first) };
}

/** Midday of a date in Berlin: formatting it in the zone gives that day whatever the clock says. */
export function middayOf(date: string): Date {
  // 11:00 UTC is 12:00 or 13:00 in Berlin: always the same calendar day.
  return new Date(`${date}T11:00:00Z`);
}
