import { expect, test, type Page, type Request } from '@playwright/test';
import { DEMO, DEMO_FAIR, demoSignInButton, headerNav, openAs, signInAs, unique } from '../helpers/e2e';

test.describe('a talent cannot reach organizer pages', () => {
  test.beforeEach(async ({ page }) => {
    await signInAs(page, DEMO.talent);
  });

  test('no Manage tab, no Create event button', async ({ page }) => {
    await page.goto(`/events/${DEMO_FAIR.slug}`);
    const eventNav = page.getByRole('navigation', { name: 'Event' });
    await expect(eventNav.getByRole('link', { name: 'Lobby' })).toBeVisible();
    await expect(eventNav.getByRole('link', { name: 'Manage' })).toHaveCount(0);
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Events' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Create event' })).toHaveCount(0);
    await expect(headerNav(page).getByRole('link', { name: 'Outbox' })).toBeVisible(); // demo mode only
  });

  for (const path of [`/events/${DEMO_FAIR.slug}/manage`, `/events/${DEMO_FAIR.slug}/manage/companies`]) {
    test(`${path} says so`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole('heading', { name: "You don't have access to this page" })).toBeVisible();
      await expect(page.getByRole('button', { name: /Save changes|Invite company/ })).toHaveCount(0);
    });
  }

  test('/organize/new says so', async ({ page }) => {
    await page.goto('/organize/new');
    await expect(page.getByRole('heading', { name: 'Only organizers can create events' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Create event' })).toHaveCount(0);
  });
});

test('a signed-out visitor to an organizer, recruiter or moderator page is asked to sign in, and lands back on it', async ({ page }) => {
  // It said "You don't have access to this page" with only "Go back": a link from an invitation
  // mail or a bookmark reaches people before they have signed in.
  for (const path of [`/events/${DEMO_FAIR.slug}/chats/manage`, `/events/${DEMO_FAIR.slug}/desks/all`, `/events/${DEMO_FAIR.slug}/manage/sessions`]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { name: 'Sign in to see this page' })).toBeVisible();
    await expect(page.getByRole('heading', { name: "You don't have access to this page" })).toHaveCount(0);
  }
  await page.goto(`/events/${DEMO_FAIR.slug}/manage`);
  await page.getByRole('link', { name: 'Sign in', exact: true }).last().click();
  await demoSignInButton(page, DEMO.organizer).click();
  await expect(page).toHaveURL(new RegExp(`/events/${DEMO_FAIR.slug}/manage$`));
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeVisible();
});

type Captured = { url: string; headers: Record<string, string>; body: string };

/** Lets the organizer's browser build a real server-action request, and keeps it instead of sending it. */
async function captureAction(page: Page, path: string, trigger: () => Promise<void>): Promise<Captured> {
  let captured: Captured | undefined;
  await page.route(`**${path}`, async (route) => {
    const req: Request = route.request();
    const headers = req.headers();
    if (req.method() === 'POST' && headers['next-action']) {
      captured = { url: req.url(), headers, body: req.postData() ?? '' };
      await route.abort();
    } else await route.continue();
  });
  await trigger();
  await expect.poll(() => captured, { message: 'the form should call its server action' }).toBeTruthy();
  return captured!;
}

/** Sends a captured server-action request with another person's cookies. */
async function replay(page: Page, c: Captured, baseURL: string): Promise<string> {
  const res = await page.request.post(c.url, {
    headers: {
      'next-action': c.headers['next-action']!,
      'content-type': c.headers['content-type'] ?? 'text/plain;charset=UTF-8',
      accept: 'text/x-component',
      origin: baseURL,
      ...(c.headers['next-router-state-tree'] ? { 'next-router-state-tree': c.headers['next-router-state-tree'] } : {}),
    },
    data: c.body,
  });
  expect(res.status(), 'a refused action is a typed result, not a 500').toBeLessThan(500);
  return res.text();
}

test('organizer server actions called directly by a talent are refused', async ({ page, browser, baseURL }) => {
  const organizer = await openAs(browser, baseURL, DEMO.organizer);
  const email = `replayed-${unique()}@example.test`;
  const companyName = `Replay Control ${unique()}`;

  // 1. Invite a company (event-scoped organizer action).
  const companiesPath = `/events/${DEMO_FAIR.slug}/manage/companies`;
  await organizer.goto(companiesPath);
  const invite = await captureAction(organizer, companiesPath, async () => {
    const form = organizer.getByRole('form', { name: 'Invite a new company' });
    await form.getByLabel('Company name', { exact: true }).fill(companyName);
    await form.getByLabel("Admin's e-mail").fill(email);
    await form.getByRole('button', { name: 'Invite company' }).click();
  });
  expect(invite.body).toContain(email);

  // 2. Create an event (platform organizer action).
  await organizer.goto('/organize/new');
  const slug = `replayed-${unique()}`;
  const create = await captureAction(organizer, '/organize/new', async () => {
    await organizer.getByLabel('Name', { exact: true }).fill('Replayed event');
    await organizer.getByLabel('Address').fill(slug);
    await organizer.getByRole('button', { name: 'Create event' }).click();
  });

  await signInAs(page, DEMO.talent);
  const inviteAsTalent = await replay(page, invite, baseURL!);
  expect(inviteAsTalent).toContain('"code":"forbidden"');
  expect(inviteAsTalent).toContain('Only organizers of this event can do this.');
  const createAsTalent = await replay(page, create, baseURL!);
  expect(createAsTalent).toContain('"code":"forbidden"');
  expect(createAsTalent).toContain('Only platform organizers can create events.');

  // Nothing was written: no invitation mail, no event.
  await organizer.unrouteAll();
  await organizer.goto('/outbox');
  await expect(organizer.getByRole('heading', { name: 'Outbox' })).toBeVisible();
  await expect(organizer.getByText(`to ${email}`)).toHaveCount(0);
  expect((await organizer.goto(`/events/${slug}`))?.status()).toBe(404);

  // Control: the very same requests succeed with the organizer's cookies.
  expect(await replay(organizer, invite, baseURL!)).toContain('"ok":true');
  await organizer.goto('/outbox');
  await expect(organizer.getByText(`to ${email}`)).toHaveCount(1);
  expect(await replay(organizer, create, baseURL!)).toContain('"ok":true');
  expect((await organizer.goto(`/events/${slug}`))?.status()).toBe(200);
  await organizer.context().close();
});
