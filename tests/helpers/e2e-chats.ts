// Helpers for the 1-1 chats browser tests (tests/e2e/chats.spec.ts). Browser side only.
import { tz } from '@date-fns/tz';
import { format } from 'date-fns';
import { expect, type Locator, type Page } from '@playwright/test';
import { DEMO_FAIR } from './e2e';
import { demoFairDays, middayOf } from './e2e-fair';
import { zoneLabel } from '@/lib/time/format';

const ZONE = 'Europe/Berlin';
export const CHATS_URL = `/events/${DEMO_FAIR.slug}/chats`;
export const MANAGE_CHATS_URL = `/events/${DEMO_FAIR.slug}/chats/manage`;

/**
 * The demo fair's second day (in person, 09:00–17:00, 15/30 min) as this run seeded it: the day
 * after the run started in Berlin, so every slot of it lies in the future for the whole run, even
 * one that walks past midnight (after which it is today, not tomorrow).
 */
function dayTwo(): Date {
  return middayOf(demoFairDays().second);
}

/** "Sun 22 Nov 2026" as lib/time/format.ts formatDay shows the day. */
export function dayTwoLabel(): string {
  return format(dayTwo(), 'EEE d MMM yyyy', { in: tz(ZONE) });
}

/** "Sun 22 Nov, 09:30" as formatInstant shows a slot of day 2 at that wall-clock time. */
export function dayTwoAt(time: string): string {
  return `${format(dayTwo(), 'EEE d MMM', { in: tz(ZONE) })}, ${time}`;
}

/** A free-slot choice as the talent's selects label it: "Sun 22 Nov, 09:30 CET (30 min, in person)". */
export function slotOption(time: string, minutes = 30): string {
  return `${dayTwoAt(time)} ${zoneLabel(ZONE, dayTwo())} (${minutes} min, in person)`;
}

/**
 * A recruiter, signed in on `page`, opens day 2 with the given slots, picks a booking mode and
 * confirms availability — all through Manage 1-1 Chats. Leaves the page on Manage 1-1 Chats.
 */
export async function openForChats(page: Page, opts: { mode: 'direct' | 'selective'; times: string[]; minutes?: 15 | 30 }): Promise<void> {
  const minutes = opts.minutes ?? 30;
  await page.goto(MANAGE_CHATS_URL);
  const label = dayTwoLabel();
  const day = page.getByRole('region', { name: `Availability on ${label}` });
  await expect(day).toBeVisible();
  await day.getByLabel('Chat duration').selectOption(String(minutes));
  const grid = day.getByRole('group', { name: `Slots on ${label}` });
  for (const time of opts.times) {
    const slot = grid.getByRole('button', { name: new RegExp(`^${time}`) });
    await slot.click();
    await expect(slot).toHaveAttribute('aria-pressed', 'true');
  }
  await expect(day.getByText(`${opts.times.length} of ${(8 * 60) / minutes} slots selected`)).toBeVisible();
  await day.getByRole('button', { name: `Save ${label}` }).click();
  await expect(day.getByText('Availability saved.')).toBeVisible();

  const settings = page.getByRole('form', { name: '1-1 chat settings' });
  await settings.getByRole('radio', { name: opts.mode === 'direct' ? /Direct Booking/ : /Selective Booking/ }).check();
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings.getByText('Settings saved.')).toBeVisible();

  await page.getByRole('button', { name: 'Confirm availability' }).click();
  await expect(page.getByText(/Your availability is confirmed/)).toBeVisible();
}

/** A slot toggle of day 2 in Manage 1-1 Chats ("09:00" → the button starting with that time). */
export function dayTwoSlot(page: Page, time: string): Locator {
  return page.getByRole('group', { name: `Slots on ${dayTwoLabel()}` }).getByRole('button', { name: new RegExp(`^${time}`) });
}

/** The talent's "N of M requests left" as numbers. */
export async function creditsLeft(page: Page): Promise<{ left: number; limit: number }> {
  const text = await page.getByText(/^\d+ of \d+ requests left$/).textContent();
  const m = /^(\d+) of (\d+) requests left$/.exec(text ?? '');
  if (!m) throw new Error(`no credit count on the page (got "${text}")`);
  return { left: Number(m[1]), limit: Number(m[2]) };
}

export function myChats(page: Page): Locator {
  return page.getByRole('region', { name: 'My 1-1 Chats' });
}

/** One of the talent's own chats, by the recruiter's name. */
export function myChatWith(page: Page, recruiter: string): Locator {
  return myChats(page).getByRole('listitem').filter({ hasText: recruiter });
}

/** A recruiter's entry in "Open for 1-1 chats". */
export function openRecruiter(page: Page, recruiter: string): Locator {
  return page.getByRole('region', { name: 'Open for 1-1 chats' }).getByRole('listitem').filter({ hasText: recruiter });
}

/** The recruiter inbox's tab, e.g. inboxTab(page, 'Confirmed') matches "Confirmed (n)". */
export function inboxTab(page: Page, label: string): Locator {
  return page.getByRole('tablist', { name: '1-1 chat requests' }).getByRole('tab', { name: new RegExp(`^${label} \\(\\d+\\)$`) });
}

/** The inbox entry of one talent in the tab panel currently shown. */
export function inboxItem(page: Page, talent: string): Locator {
  return page.getByRole('tabpanel').getByRole('listitem').filter({ hasText: talent });
}

/** One of the talent's confirmed chats (the "Confirmed chats" column), by the recruiter's name. */
export function confirmedChatWith(page: Page, recruiter: string): Locator {
  return page.getByRole('region', { name: 'Confirmed chats' }).getByRole('listitem').filter({ hasText: recruiter });
}
