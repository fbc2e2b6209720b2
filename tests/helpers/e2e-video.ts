// Helpers for the video browser tests (tests/e2e/video.spec.ts). Browser side only.
import { tz, TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { expect, type Page } from '@playwright/test';
import { DEMO_FAIR } from './e2e';
import { dateIn, demoFairDays, middayOf, nextDate } from './e2e-fair';
import { zoneLabel } from '@/lib/time/format';

const ZONE = 'Europe/Berlin';
export const MANAGE_URL = `/events/${DEMO_FAIR.slug}/manage`;

/**
 * The next 15-minute video slot at least 3 minutes ahead (so it is still free when the talent
 * books it), on whichever of the demo fair's days it falls. Day 1 (virtual, 00:00–23:45 Berlin)
 * takes it until 23:30; later it is 00:00 the next day. On day 2 — late in the evening, or after
 * midnight when the run began the day before — the in-person day that `prepareVideoDay` makes
 * hybrid from 00:00 so the recruiter can hold it on video.
 */
export function nextVideoSlot(now = new Date()) {
  const inZone = { in: tz(ZONE) };
  const fair = demoFairDays();
  const minutes = Number(format(now, 'H', inZone)) * 60 + Number(format(now, 'm', inZone));
  const start = Math.ceil((minutes + 3) / 15) * 15;
  const wraps = start > 23 * 60 + 30;
  const date = wraps ? nextDate(dateIn(ZONE, now)) : dateIn(ZONE, now);
  if (date !== fair.first && date !== fair.second) {
    throw new Error(`the next video slot falls on ${date}, outside the demo fair this run seeded (${fair.first}, ${fair.second})`);
  }
  const at = wraps ? Math.max(0, start - 24 * 60) : start;
  const time = `${String(Math.floor(at / 60)).padStart(2, '0')}:${String(at % 60).padStart(2, '0')}`;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const startsAt = new TZDate(y, m - 1, d, Math.floor(at / 60), at % 60, ZONE);
  return {
    time,
    dayTwo: date === fair.second,
    dayLabel: format(middayOf(date), 'EEE d MMM yyyy', inZone),
    option: `${format(middayOf(date), 'EEE d MMM', inZone)}, ${time} ${zoneLabel(ZONE, startsAt)} (15 min, video)`,
  };
}
export type TVideoSlot = ReturnType<typeof nextVideoSlot>;

/**
 * As the organizer: Join opens `joinMinutes` before a video chat, and when the slot is on day 2,
 * day 2 becomes hybrid from 00:00 (video tests run last, after the walks that use day 2).
 */
export async function prepareVideoDay(page: Page, slot: TVideoSlot, joinMinutes?: number): Promise<void> {
  await page.goto(MANAGE_URL);
  if (joinMinutes !== undefined) await page.getByLabel('Join opens (minutes before a video chat)').fill(String(joinMinutes));
  if (slot.dayTwo) {
    const day2 = page.getByRole('group', { name: 'Day 2' });
    await day2.getByLabel('Mode').selectOption('hybrid');
    await day2.getByLabel('Opens at').fill('00:00');
  }
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Changes saved.')).toBeVisible();
}

/** As a recruiter: the slot, 15 minutes, on video, Direct Booking, availability confirmed. */
export async function openForVideo(page: Page, slot: TVideoSlot): Promise<void> {
  await page.goto(`/events/${DEMO_FAIR.slug}/chats/manage`);
  const day = page.getByRole('region', { name: `Availability on ${slot.dayLabel}` });
  await day.getByLabel('Chat duration').selectOption('15');
  // The demo fair is shared: an earlier walk may have left 30-minute slots on this day (chats-ux
  // uses this recruiter on day 2, which is the video day late in the evening and after midnight), and changing the
  // duration then asks first. Save stays disabled until it is answered.
  const change = day.getByRole('button', { name: 'Change to 15 minutes' });
  if (await change.waitFor({ state: 'visible', timeout: 1_000 }).then(() => true, () => false)) await change.click();
  if (slot.dayTwo) await day.getByRole('radio', { name: 'Virtual (video)' }).check();
  const button = day.getByRole('group', { name: `Slots on ${slot.dayLabel}` }).getByRole('button', { name: new RegExp(`^${slot.time}`) });
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  await day.getByRole('button', { name: `Save ${slot.dayLabel}` }).click();
  await expect(day.getByText('Availability saved.')).toBeVisible();
  const settings = page.getByRole('form', { name: '1-1 chat settings' });
  await settings.getByRole('radio', { name: /Direct Booking/ }).check();
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings.getByText('Settings saved.')).toBeVisible();
  // The demo fair is shared by every walk: another one may have confirmed this recruiter already.
  const confirm = page.getByRole('button', { name: 'Confirm availability' });
  if (await confirm.isVisible()) await confirm.click();
  await expect(page.getByText(/Your availability is confirmed/)).toBeVisible();
}

/** As a talent: books the recruiter's slot and returns the call page's URL from the Join link. */
export async function bookVideoChat(page: Page, recruiter: string, option: string): Promise<string> {
  await page.goto(`/events/${DEMO_FAIR.slug}/chats`);
  await page.getByRole('button', { name: `Book 1-1 chat with ${recruiter}`, exact: true }).click();
  const entry = page.getByRole('region', { name: 'Open for 1-1 chats' }).getByRole('listitem').filter({ hasText: recruiter });
  await entry.getByLabel('Time', { exact: true }).selectOption({ label: option });
  await entry.getByRole('button', { name: 'Confirm booking' }).click();
  const chat = page.getByRole('region', { name: 'My 1-1 Chats' }).getByRole('listitem').filter({ hasText: recruiter });
  const join = chat.getByRole('link', { name: 'Join', exact: true });
  await expect(join).toBeVisible();
  const href = await join.getAttribute('href');
  expect(href).toMatch(/^\/events\/demo-fair\/chats\/[0-9a-f-]{36}\/call$/);
  return href!;
}
