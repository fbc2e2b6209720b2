// Issue 9, items 2, 3, 6 and 9, as people see them: an organizer makes an event in a zone Node
// only knows by its old alias, then moves it to Berlin with a day on the night clocks go back
// (2027-10-31) and a day that overlaps the demo fair; a recruiter of both events sets slots;
// a talent books one in the repeated hour; the recruiter cancels it.
import { expect, test, type Page } from '@playwright/test';
import { DEMO, DEMO_FAIR, openAs, signInAs, unique } from '../helpers/e2e';
import { dayTwoLabel, inboxItem, inboxTab } from '../helpers/e2e-chats';
import { demoFairDays } from '../helpers/e2e-fair';

// Nobody else in the browser tests signs in as these two.
const RECRUITER = { name: 'Pieter de Vries', email: 'pieter@atlas-logistics.demo.fairground.test', company: 'Atlas Logistics' };
const TALENT = 'Samir Novak';
const AUTUMN = 'Sun 31 Oct 2027';

/** The demo fair's day 2 as the date field takes it. */
const dayTwoIso = () => demoFairDays().second;

function availability(page: Page, dayLabel: string) {
  const day = page.getByRole('region', { name: `Availability on ${dayLabel}` });
  return { day, grid: day.getByRole('group', { name: `Slots on ${dayLabel}` }) };
}

test('zones by current name, the repeated autumn hour told apart, clashes across events named, a recruiter’s cancel refunded', async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  const id = unique();
  const name = `E2E Night Fair ${id}`;
  const slug = `e2e-night-fair-${id}`;

  // Item 3: Asia/Kolkata is offered with a friendly label and accepted.
  await signInAs(page, DEMO.organizer);
  await page.goto('/organize/new');
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Time zone').selectOption({ label: 'Kolkata — Asia (India Standard Time, UTC+05:30)' });
  await expect(page.getByLabel('Time zone')).toHaveValue('Asia/Kolkata');
  await page.getByLabel('Status').selectOption('published');
  const day1 = page.getByRole('group', { name: 'Day 1' });
  await day1.getByLabel('Date').fill('2027-10-31');
  await day1.getByLabel('Opens at').fill('00:00');
  await day1.getByLabel('Closes at').fill('06:00');
  await page.getByRole('button', { name: 'Add a day' }).click();
  const day2 = page.getByRole('group', { name: 'Day 2' });
  await day2.getByLabel('Date').fill(dayTwoIso());
  await day2.getByLabel('Opens at').fill('09:00');
  await day2.getByLabel('Closes at').fill('17:00');
  await page.getByRole('button', { name: 'Create event' }).click();
  await expect(page).toHaveURL(`/events/${slug}/manage?created=1`);
  await expect(page.getByLabel('Time zone')).toHaveValue('Asia/Kolkata');

  // The night clocks go back is a Berlin night.
  await page.getByLabel('Time zone').selectOption('Europe/Berlin');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Changes saved.')).toBeVisible();

  await page.goto(`/events/${slug}/manage/companies`);
  const add = page.getByRole('form', { name: 'Add an existing company' });
  await add.getByLabel('Company').selectOption({ label: RECRUITER.company });
  await add.getByRole('button', { name: 'Add company' }).click();
  await expect(add.getByText('Company added.')).toBeVisible();
  const invite = page.getByRole('form', { name: 'Invite a recruiter' });
  await invite.getByLabel('Company').selectOption({ label: RECRUITER.company });
  await invite.getByLabel('E-mail').fill(RECRUITER.email);
  await invite.getByRole('button', { name: 'Invite recruiter' }).click();
  await expect(invite.getByText(`Invitation e-mailed to ${RECRUITER.email}.`)).toBeVisible();

  // Item 6: the recruiter's 09:00 in the demo fair, then 09:00 and 09:30 on the same day here.
  const recruiter = await openAs(browser, baseURL, RECRUITER.name);
  await recruiter.goto(`/events/${DEMO_FAIR.slug}/chats/manage`);
  const demo = availability(recruiter, dayTwoLabel());
  await demo.day.getByLabel('Chat duration').selectOption('30');
  await demo.grid.getByRole('button', { name: /^09:00/ }).click();
  await demo.day.getByRole('button', { name: `Save ${dayTwoLabel()}` }).click();
  await expect(demo.day.getByText('Availability saved.')).toBeVisible();

  await recruiter.goto(`/events/${slug}/chats/manage`);
  const here = availability(recruiter, dayTwoLabel());
  await here.day.getByLabel('Chat duration').selectOption('30');
  await here.grid.getByRole('button', { name: /^09:00/ }).click();
  await here.grid.getByRole('button', { name: /^09:30/ }).click();
  await here.day.getByRole('button', { name: `Save ${dayTwoLabel()}` }).click();
  const clash = here.day.getByRole('status').filter({ hasText: 'Saved the other slots.' });
  await expect(clash).toContainText(`09:00 — overlaps 09:00–09:30 in ${DEMO_FAIR.name}`);
  await expect(here.grid.getByRole('button', { name: /^09:00/ })).toHaveAttribute('aria-pressed', 'false');
  await recruiter.reload();
  await expect(availability(recruiter, dayTwoLabel()).grid.getByRole('button', { name: /^09:30/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(availability(recruiter, dayTwoLabel()).grid.getByRole('button', { name: /^09:00/ })).toHaveAttribute('aria-pressed', 'false');

  // Item 2, the grid: 00:00–06:00 on the night of 31 October holds 14 half hours, 02:00 and 02:30 twice.
  const night = availability(recruiter, AUTUMN);
  await night.day.getByLabel('Chat duration').selectOption('30');
  await expect(night.day.getByText('0 of 14 slots selected')).toBeVisible();
  // The slots themselves, not the per-hour select-all buttons beside them.
  const labels = (await night.grid.locator('button[data-state]').allTextContents()).map((t) => t.replace(/(Off|Available).*$/, '').trim());
  expect(labels).toEqual(['00:00', '00:30', '01:00', '01:30', '02:00 CEST', '02:30 CEST', '02:00 CET', '02:30 CET', '03:00', '03:30', '04:00', '04:30', '05:00', '05:30']);
  await night.grid.getByRole('button', { name: /^02:30 CET/ }).click();
  await night.day.getByRole('button', { name: `Save ${AUTUMN}` }).click();
  await expect(night.day.getByText('Availability saved.')).toBeVisible();
  const settings = recruiter.getByRole('form', { name: '1-1 chat settings' });
  await settings.getByRole('radio', { name: /Direct Booking/ }).check();
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings.getByText('Settings saved.')).toBeVisible();
  await recruiter.getByRole('button', { name: 'Confirm availability' }).click();
  await expect(recruiter.getByText(/Your availability is confirmed/)).toBeVisible();

  // Item 2, the talent's slot list and the chat's badge.
  const talent = await openAs(browser, baseURL, TALENT);
  await talent.goto(`/events/${slug}`);
  await talent.getByRole('button', { name: 'Register as a talent' }).click();
  await expect(talent.getByText('You are registered')).toBeVisible();
  await talent.goto(`/events/${slug}/chats`);
  // Item 9, the rule as the talent reads it.
  await expect(talent.getByText(/You get it back when you withdraw a request, when the recruiter cancels the chat/)).toBeVisible();
  await expect(talent.getByText('5 of 5 requests left')).toBeVisible();
  const open = talent.getByRole('region', { name: 'Open for 1-1 chats' }).getByRole('listitem').filter({ hasText: RECRUITER.name });
  await open.getByRole('button', { name: `Book 1-1 chat with ${RECRUITER.name}` }).click();
  await open.getByLabel('Time').selectOption({ label: 'Sun 31 Oct, 02:30 CET (30 min, video)' });
  await open.getByRole('button', { name: 'Confirm booking' }).click();
  const mine = talent.getByRole('region', { name: 'My 1-1 Chats' }).getByRole('listitem').filter({ hasText: RECRUITER.name });
  await expect(mine).toContainText('Sun 31 Oct, 02:30 CET (Europe/Berlin)');
  await expect(talent.getByText('4 of 5 requests left')).toBeVisible();

  // Item 9: the recruiter cancels; the form says the talent gets the request back, and they do.
  await recruiter.goto(`/events/${slug}/chats/manage`);
  await inboxTab(recruiter, 'Confirmed').click();
  const booked = inboxItem(recruiter, TALENT);
  await expect(booked).toContainText('Sun 31 Oct, 02:30 CET');
  await booked.getByRole('button', { name: `More actions for the chat with ${TALENT}` }).click();
  await booked.getByRole('menuitem', { name: 'Cancel chat…' }).click();
  await expect(booked.getByText('The talent gets their 1-1 chat request back.')).toBeVisible();
  await booked.getByLabel('Why are you cancelling?').fill('Our team is travelling that night.');
  await booked.getByRole('button', { name: 'Cancel the chat' }).click();
  await talent.reload();
  await expect(talent.getByText('5 of 5 requests left')).toBeVisible();

  // The demo fair is shared by every walk: give the recruiter's 09:00 there back.
  await recruiter.goto(`/events/${DEMO_FAIR.slug}/chats/manage`);
  const demoAgain = availability(recruiter, dayTwoLabel());
  await demoAgain.grid.getByRole('button', { name: /^09:00/ }).click();
  await expect(demoAgain.grid.getByRole('button', { name: /^09:00/ })).toHaveAttribute('aria-pressed', 'false');
  await demoAgain.day.getByRole('button', { name: `Save ${dayTwoLabel()}` }).click();
  await expect(demoAgain.day.getByText('Availability saved.')).toBeVisible();

  await recruiter.context().close();
  await talent.context().close();
});
