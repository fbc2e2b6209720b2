// Helpers for the session browser tests (tests/e2e/sessions*.spec.ts, breakouts-livekit.spec.ts). Browser side only.
import { expect, type Locator, type Page } from '@playwright/test';
import { DEMO_FAIR, waitForLiveTopic } from './e2e';
import { demoFairDays } from './e2e-fair';

export const SESSION_PEOPLE = { host: 'Nora Visser', talentA: 'Greta Moreau', talentB: 'Hugo Larsen' } as const;
export const PROGRAMME_URL = `/events/${DEMO_FAIR.slug}/sessions`;

export type TSessionForm = { title: string; capacity?: string; signUp?: boolean; day?: 'first' | 'second'; date?: string; start?: string; end?: string; company?: string; hosts?: string[]; stageLimit?: string; approval?: boolean };

/** As the organizer: creates a session through Manage → Sessions. */
export async function createSessionAsOrganizer(page: Page, f: TSessionForm): Promise<void> {
  await page.goto(`/events/${DEMO_FAIR.slug}/manage/sessions`);
  const form = page.getByRole('form', { name: 'New session' });
  await form.getByLabel('Title').fill(f.title);
  await form.getByLabel('Kind').selectOption({ label: 'Workshop' });
  if (f.company) await form.getByLabel('Company').selectOption({ label: f.company });
  const day = form.getByLabel('Day');
  if (f.day === 'second') await day.selectOption({ index: 1 });
  if (f.date) await day.selectOption(f.date);
  if (f.start) await form.getByLabel('Starts at').fill(f.start);
  if (f.end) await form.getByLabel('Ends at').fill(f.end);
  if (f.capacity) await form.getByLabel('Capacity').fill(f.capacity);
  if (f.stageLimit) await form.getByLabel('On screen at once').fill(f.stageLimit);
  if (f.signUp) await form.getByLabel('Sign-up required').check();
  if (f.approval) await form.getByLabel(/Questions need a host.s approval/).check();
  // The hosts picker: find each person by name, tick them, clear the filter.
  const hosts = form.getByRole('group', { name: 'Hosts' });
  for (const h of f.hosts ?? [SESSION_PEOPLE.host]) {
    await hosts.getByRole('searchbox', { name: 'Find a host' }).fill(h);
    await hosts.getByRole('checkbox', { name: new RegExp(`^${h}\\b`) }).check();
    await hosts.getByRole('searchbox', { name: 'Find a host' }).fill('');
  }
  await form.getByRole('button', { name: 'Create session' }).click();
  await expect(form.getByText('Session created.')).toBeVisible();
}

/** As the organizer: cancels a session through Manage → Sessions (a walk gives the shared demo fair its programme back). */
export async function cancelSession(page: Page, title: string): Promise<void> {
  await page.goto(`/events/${DEMO_FAIR.slug}/manage/sessions`);
  const managed = sessionCard(page, title);
  await managed.getByRole('button', { name: 'Cancel session' }).click();
  await managed.getByRole('button', { name: 'Yes, cancel the session' }).click();
  await expect(page.getByText(/Session cancelled\./)).toBeVisible();
}

/** The card of a session in a list, by its title. */
export function sessionCard(page: Page, title: string) {
  return page.getByRole('listitem', { name: title });
}

/**
 * Enters a session's room from the programme; answers the session's id once the room is in. What
 * that takes: the room page's first load (the server renders it — the first room page a fresh
 * server renders loads the room's modules), then in the browser the video client (a large chunk
 * loaded after hydration), the session's breakouts and a LiveKit token, and only then the stage
 * and its tabs, whose Q&A reads its questions and follows `session-qa:<id>` on the live stream.
 * Each step is waited for by what it shows, with room for a loaded CI machine, so a slow first
 * room is waited out while a room that says it is closed or failed fails at once (expectInRoom).
 * The stage is there before the LiveKit connection is: a walk that needs the connection waits for
 * what it brings (a camera playing, the audience count), as expectPlaying does.
 */
export async function enterRoom(page: Page, title: string): Promise<string> {
  await page.goto(`${PROGRAMME_URL}?q=${encodeURIComponent(title)}`);
  await sessionCard(page, title).getByRole('link', { name: 'Enter' }).click();
  await page.waitForURL(/\/sessions\/[0-9a-f-]{36}\/room$/);
  const sessionId = page.url().split('/')[6]!;
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await expectInRoom(page);
  // The Q&A tab (shown first) and its topic on the live stream (the page must track its live
  // connections: trackLiveConnections before this).
  await expect(page.getByLabel('Your question')).toBeVisible();
  await waitForLiveTopic(page, `session-qa:${sessionId}`, { timeout: ROOM_LOAD_MS });
  return sessionId;
}

/**
 * Waits until the room shows `place` — the session's stage unless told, or a breakout room — after
 * its page loaded, reloaded or switched rooms (each fetches a new LiveKit token first). Closed (not
 * yet open, ended, cancelled) or failed (no token, no video server, left): the room says so in
 * words that stay, and offers to try or enter again — that fails at once, not after the wait.
 */
export async function expectInRoom(page: Page, place: Locator = page.getByRole('region', { name: 'Stage', exact: true })): Promise<void> {
  const refused = page.getByText(/^(The room opens|This session has ended|This session was cancelled|Video is not configured)/).or(page.getByRole('button', { name: /^(Try again|Enter again)$/ }));
  await expect(place.or(refused).first()).toBeVisible({ timeout: ROOM_LOAD_MS });
  await expect(refused, 'the room did not let this browser in').toHaveCount(0);
}

/** The longest a room may take from its page (or a switch) to its stage: a real condition, generously. */
export const ROOM_LOAD_MS = 60_000;

/**
 * A session running now in the demo fair's zone: today, started up to 5 minutes ago, an hour long
 * (past midnight if need be). Today is day 1, or day 2 once a run that began the evening before
 * has walked past midnight: either is in the form's day list.
 */
export function sessionRunningNow(now = new Date()) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  const minutes = Number(parts.hour) * 60 + Number(parts.minute);
  const start = Math.floor(minutes / 5) * 5;
  const end = (start + 60) % 1440;
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  const fair = demoFairDays();
  if (date !== fair.first && date !== fair.second) throw new Error(`today (${date}) is not a day of the demo fair this run seeded (${fair.first}, ${fair.second})`);
  return { date, start: hhmm(start), end: hhmm(end) };
}
