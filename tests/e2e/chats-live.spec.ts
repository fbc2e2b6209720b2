// Live reads that scale (issue 11, item 4): one talent's booking reaches every other open page
// through a hint on a narrow topic and a small JSON refetch — never a page reload or a
// server re-render. Everyone here is new (a company invited for this walk, talents signed in
// by e-mail), so no other walk's recruiters, slots or credits are touched.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO, DEMO_FAIR, headerNav, signInAs, signInByEmail, trackLiveConnections, unique, waitForLiveTopic } from '../helpers/e2e';
import { CHATS_URL, dayTwoAt, inboxItem, inboxTab, myChatWith, openForChats, openRecruiter, slotOption } from '../helpers/e2e-chats';

/** A new company invited by the organizer; its admin signs in from the invitation, in their own browser. */
async function newRecruiter(browser: Browser, baseURL: string | undefined, organizer: Page, name: string, id: string): Promise<Page> {
  const email = `live-${id}@live-wharf.example.test`;
  await organizer.goto(`/events/${DEMO_FAIR.slug}/manage/companies`);
  const form = organizer.getByRole('form', { name: 'Invite a new company' });
  await form.getByLabel('Company name', { exact: true }).fill(`Live Wharf ${id}`);
  await form.getByLabel("Admin's name").fill(name);
  await form.getByLabel("Admin's e-mail").fill(email);
  await form.getByRole('button', { name: 'Invite company' }).click();
  await expect(form.getByText(`Invitation e-mailed to ${email}.`)).toBeVisible();
  const page = await (await browser.newContext({ baseURL })).newPage();
  await page.goto('/signin');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByRole('button', { name: 'E-mail me a sign-in link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your e-mail' })).toBeVisible();
  await page.goto('/outbox');
  const mail = page.getByRole('listitem').filter({ hasText: `to ${email}` }).filter({ hasText: 'sign-in link' }).first();
  await mail.locator('summary').click();
  await mail.getByRole('link', { name: /\/api\/auth\/callback\/email/ }).click();
  await expect(headerNav(page).getByRole('link', { name })).toBeVisible();
  return page;
}

/** A talent new to the fair: signed in by e-mail and registered in the lobby. */
async function newTalent(browser: Browser, baseURL: string | undefined, id: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL })).newPage();
  await trackLiveConnections(page);
  await signInByEmail(page, `live-talent-${id}@example.test`);
  await page.goto(`/events/${DEMO_FAIR.slug}`);
  await page.getByRole('button', { name: 'Register as a talent' }).click();
  await expect(page.getByText('You take part as:')).toBeVisible();
  return page;
}

/** React's errors on the console: a hydration mismatch of a server-rendered first paint shows here. */
function collectReactErrors(page: Page): string[] {
  const found: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Minified React error|Hydration|did not match/i.test(m.text())) found.push(m.text());
  });
  return found;
}

/** Server re-renders (router.refresh, navigations) a page asks for; Next's link prefetches are not counted. */
function recordServerRenders(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    const h = r.headers();
    if (r.resourceType() === 'document' || (h['rsc'] === '1' && !h['next-router-prefetch'])) seen.push(r.url());
  });
  return seen;
}

test('talent A books: talent B’s open page loses the slot and the recruiter’s page shows the booking, live, without a reload', async ({ page, browser, baseURL }) => {
  const id = unique();
  const name = `Wren Wharf ${id}`;
  await signInAs(page, DEMO.organizer);
  const recruiter = await newRecruiter(browser, baseURL, page, name, id);
  await trackLiveConnections(recruiter);
  await openForChats(recruiter, { mode: 'direct', times: ['13:00', '14:00'] });
  const reactErrors = [collectReactErrors(recruiter)];
  await recruiter.reload();
  await expect(inboxTab(recruiter, 'Confirmed')).toHaveText('Confirmed (0)');
  await waitForLiveTopic(recruiter, 'user:');

  // Talent B has the 1-1 Chats page open, the booking form showing both times.
  const b = await newTalent(browser, baseURL, `b-${id}`);
  reactErrors.push(collectReactErrors(b));
  await b.goto(CHATS_URL);
  await waitForLiveTopic(b, 'open-recruiters:');
  const entryOnB = openRecruiter(b, name);
  await expect(entryOnB).toContainText('2 open slots');
  await b.getByRole('button', { name: `Book 1-1 chat with ${name}`, exact: true }).click();
  const timeOnB = entryOnB.getByLabel('Time', { exact: true });
  await expect(timeOnB.locator('option', { hasText: dayTwoAt('13:00') })).toHaveCount(1);
  await b.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  await recruiter.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  const rendersOnB = recordServerRenders(b);
  const rendersOnRecruiter = recordServerRenders(recruiter);
  // The hint names the slot taken: B's page drops it from what it shows and reads nothing.
  const readsOnB: string[] = [];
  b.on('request', (r) => void (/\/chats\/open-recruiters/.test(r.url()) && readsOnB.push(r.url())));

  // Talent A books 13:00.
  const a = await newTalent(browser, baseURL, `a-${id}`);
  await a.goto(CHATS_URL);
  await a.getByRole('button', { name: `Book 1-1 chat with ${name}`, exact: true }).click();
  await openRecruiter(a, name).getByLabel('Time', { exact: true }).selectOption({ label: slotOption('13:00') });
  await openRecruiter(a, name).getByRole('button', { name: 'Confirm booking' }).click();
  await expect(myChatWith(a, name)).toContainText(`${dayTwoAt('13:00')} (Europe/Berlin)`);
  const bookedAt = Date.now();

  // B: the slot is gone from the open form and the count, within a second, no reload.
  await expect(timeOnB.locator('option', { hasText: dayTwoAt('13:00') })).toHaveCount(0, { timeout: 1_000 });
  const lostAfter = Date.now() - bookedAt;
  await expect(timeOnB.locator('option', { hasText: dayTwoAt('14:00') })).toHaveCount(1);
  await expect(entryOnB).toContainText('1 open slot');
  expect(readsOnB).toEqual([]);

  // The recruiter: the new chat in Confirmed and the slot marked booked, no reload.
  await expect(inboxTab(recruiter, 'Confirmed')).toHaveText('Confirmed (1)', { timeout: 1_000 });
  await inboxTab(recruiter, 'Confirmed').click();
  await expect(inboxItem(recruiter, dayTwoAt('13:00'))).toBeVisible();

  expect(await b.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  expect(await recruiter.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  expect(rendersOnB).toEqual([]);
  expect(rendersOnRecruiter).toEqual([]);
  expect(lostAfter).toBeLessThan(1_000);
  expect(reactErrors.flat()).toEqual([]);

  for (const p of [a, b, recruiter]) await p.context().close();
});
