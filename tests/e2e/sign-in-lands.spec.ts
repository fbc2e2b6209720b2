// Sign-in by magic link lands, signed in, where it was asked to — on an installation with
// AUTH_URL (the main test server) and on one without (the second server), and from the other
// spelling of the loopback address (issue 10, items 1 and 2).
import { expect, test, type Page } from '@playwright/test';
import { DEMO, headerNav, signInAs, unique } from '../helpers/e2e';

const PORT = Number(process.env.E2E_PORT ?? 3310);
const WITH_AUTH_URL = `http://localhost:${PORT}`;
const WITHOUT_AUTH_URL_ON_127 = `http://127.0.0.1:${PORT + 1}`; // playwright.config.ts: E2E_NO_AUTH_URL

/** Asks for a link on `origin`'s sign-in page, opens it from the outbox there, and follows it. */
async function followMagicLink(page: Page, origin: string, email: string, callbackUrl: string) {
  await page.goto(`${origin}/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByRole('button', { name: 'E-mail me a sign-in link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your e-mail' })).toBeVisible();
  await page.goto(`${new URL(page.url()).origin}/outbox`);
  const mail = page.getByRole('listitem').filter({ hasText: `to ${email}` }).first();
  await mail.locator('summary').click();
  await mail.getByRole('link', { name: /\/api\/auth\/callback\/email/ }).click();
}

test('without AUTH_URL, started on 127.0.0.1: the link keeps that host and lands signed in on the asked page', async ({ page }) => {
  const email = `lands-${unique()}@example.test`;
  await followMagicLink(page, WITHOUT_AUTH_URL_ON_127, email, '/events/demo-fair/companies');
  await expect(page).toHaveURL(`${WITHOUT_AUTH_URL_ON_127}/events/demo-fair/companies`);
  await expect(headerNav(page).getByRole('link', { name: email })).toBeVisible();
});

test('with AUTH_URL on localhost, started on 127.0.0.1: the link leads to AUTH_URL and lands signed in on the asked page', async ({ page }) => {
  const email = `lands-${unique()}@example.test`;
  const on127 = WITH_AUTH_URL.replace('localhost', '127.0.0.1');
  await followMagicLink(page, on127, email, '/events/demo-fair/companies');
  await expect(page).toHaveURL(`${WITH_AUTH_URL}/events/demo-fair/companies`);
  await expect(headerNav(page).getByRole('link', { name: email })).toBeVisible();
});

test('a recruiter invited to a draft event follows the invitation and lands signed in on the draft, marked as such', async ({ page, browser, baseURL }) => {
  const id = unique();
  const name = `Draft Fair ${id}`;
  const slug = `draft-fair-${id}`;
  const email = `recruiter-${id}@draft-fair.example.test`;
  await signInAs(page, DEMO.organizer);
  await page.goto('/organize/new');
  await page.getByLabel('Name', { exact: true }).fill(name);
  await expect(page.getByLabel('Status')).toHaveValue('draft');
  await page.getByRole('button', { name: 'Create event' }).click();
  await expect(page).toHaveURL(`/events/${slug}/manage?created=1`);
  await page.goto(`/events/${slug}/manage/companies`);
  const form = page.getByRole('form', { name: 'Invite a new company' });
  await form.getByLabel('Company name', { exact: true }).fill(`Quay Systems ${id}`);
  await form.getByLabel("Admin's name").fill('Rina Quay');
  await form.getByLabel("Admin's e-mail").fill(email);
  await form.getByRole('button', { name: 'Invite company' }).click();
  await expect(form.getByText(`Invitation e-mailed to ${email}.`)).toBeVisible();

  // The invited person, in their own browser: invitation → sign-in link → the draft event.
  const context = await browser.newContext({ baseURL });
  const invited = await context.newPage();
  await invited.goto('/outbox');
  const invitation = invited.getByRole('listitem').filter({ hasText: `to ${email}` }).filter({ hasText: 'invited' }).first();
  await invitation.locator('summary').click();
  await invitation.getByRole('link', { name: /\/signin\?/ }).click();
  await expect(invited.getByLabel('E-mail address')).toHaveValue(email);
  await invited.getByRole('button', { name: 'E-mail me a sign-in link' }).click();
  await expect(invited.getByRole('heading', { name: 'Check your e-mail' })).toBeVisible();
  await invited.goto('/outbox');
  const link = invited.getByRole('listitem').filter({ hasText: `to ${email}` }).filter({ hasText: 'sign-in link' }).first();
  await link.locator('summary').click();
  await link.getByRole('link', { name: /\/api\/auth\/callback\/email/ }).click();

  await expect(invited).toHaveURL(`/events/${slug}`);
  await expect(headerNav(invited).getByRole('link', { name: 'Rina Quay' })).toBeVisible();
  await expect(invited.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(invited.getByText('Draft — not published yet.')).toBeVisible();
  // They can prepare: their 1-1 chat page is open to them.
  await invited.getByRole('navigation', { name: 'Event' }).getByRole('link', { name: 'Manage 1-1 Chats' }).click();
  await expect(invited.getByRole('heading', { name: 'Your availability' })).toBeVisible();
  await context.close();

  // Anyone else still gets "not found" for the draft.
  const stranger = await browser.newContext({ baseURL });
  const strangerPage = await stranger.newPage();
  const res = await strangerPage.goto(`/events/${slug}`);
  expect(res?.status()).toBe(404);
  await stranger.close();
});
