// Helpers for the video browser tests (tests/e2e/video.spec.ts). Browser side only.
import { tz } from '@date-fns/tz';
import { format } from 'date-fns';
import { expect, type Page } from '@playwright/test';
import { DEMO_FAIR } from './e2e';

const ZONE = 'Europe/Berlin';
export const MANAGE_URL = `/events/${DEMO_FAIR.slug}/manage`;

/**
 * The demo fair's first day is today, virtual, 00:00–23:45 Berlin. The next 15-minute slot at
 * least 3 minutes ahead (so it is still free when the talent books it), or null after 23:27.
 */
export function nextVideoSlot(now = new Date()) {
  const inZone = { in: tz(ZONE) };
  const minutes = Number(format(now, 'H', inZone)) * 60 + Number(format(now, 'm', inZone));
  const start = Math.ceil((minutes + 3) / 15) * 15;
  if (start > 23 * 60 + 30) return null;
  const time = `${String(Math.floor(start / 60)).padStart(2, '0')}:${String(start % 60).padStart(2, '0')}`;
  return {
    time,
    dayLabel: format(now, 'EEE d MMM yyyy', inZone),
    option: `${format(now, 'EEE d MMM', inZone)}, ${time} (15 min, video)`,
  };
}

/** As the organizer: Join opens this many minutes before a video chat. */
export async function setJoinWindow(page: Page, minutes: number): Promise<void> {
  await page.goto(MANAGE_URL);
  await page.getByLabel('Join opens (minutes before a video chat)').fill(String(minutes));
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Changes saved.')).toBeVisible();
}

/** As a recruiter: today's slot at `time`, 15 minutes, Direct Booking, availability confirmed. */
export async function openTodayForVideo(page: Page, slot: NonNullable<ReturnType<typeof nextVideoSlot>>): Promise<void> {
  await page.goto(`/events/${DEMO_FAIR.slug}/chats/manage`);
  const day = page.getByRole('region', { name: `Availability on ${slot.dayLabel}` });
  await day.getByLabel('Chat duration').selectOption('15');
  const button = day.getByRole('group', { name: `Slots on ${slot.dayLabel}` }).getByRole('button', { name: new RegExp(`^${slot.time}`) });
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  await day.getByRole('button', { name: `Save ${slot.dayLabel}` }).click();
  await expect(day.getByText('Availability saved.')).toBeVisible();
  const settings = page.getByRole('form', { name: '1-1 chat settings' });
  await settings.getByRole('radio', { name: /Direct Booking/ }).check();
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings.getByText('Settings saved.')).toBeVisible();
  await page.getByRole('button', { name: 'Confirm availability' }).click();
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
