import { expect, test } from '@playwright/test';
import { DEMO, headerNav, signInAs, unique } from '../helpers/e2e';

test.describe('demo sign-in', () => {
  for (const [role, name] of [
    ['organizer', DEMO.organizer],
    ['moderator', DEMO.moderator],
    ['recruiter', DEMO.recruiter],
    ['talent', DEMO.talent],
  ] as const) {
    test(`as the ${role} ${name}: the header shows the name`, async ({ page }) => {
      await page.goto('/');
      await expect(headerNav(page).getByRole('link', { name: 'Sign in' })).toBeVisible();
      await signInAs(page, name);
      await expect(page).toHaveURL('/');
      await expect(headerNav(page).getByRole('link', { name: 'Sign in' })).toHaveCount(0);
      // The session survives a fresh page load (it is a cookie, not client state).
      await page.reload();
      await expect(headerNav(page).getByRole('link', { name, exact: true })).toBeVisible();
    });
  }

  test('signing out returns to a signed-out header', async ({ page }) => {
    await signInAs(page, DEMO.moderator);
    await headerNav(page).getByRole('button', { name: 'Sign out' }).click();
    await expect(headerNav(page).getByRole('link', { name: 'Sign in' })).toBeVisible();
    await expect(headerNav(page).getByRole('link', { name: DEMO.moderator })).toHaveCount(0);
  });

  test('a session cookie kept from before sign-out no longer signs anyone in', async ({ page, context }) => {
    await signInAs(page, DEMO.moderator);
    const kept = await context.cookies();
    await headerNav(page).getByRole('button', { name: 'Sign out' }).click();
    await expect(headerNav(page).getByRole('link', { name: 'Sign in' })).toBeVisible();
    // Someone who copied the cookie (or a second tab that never saw the sign-out) brings it back.
    await context.addCookies(kept);
    await page.goto('/profile');
    await expect(headerNav(page).getByRole('link', { name: DEMO.moderator })).toHaveCount(0);
    await expect(headerNav(page).getByRole('link', { name: 'Sign in' })).toBeVisible();
  });
});

test('magic link: e-mail on /signin, open the newest mail in the outbox, follow the link, signed in', async ({ page, browser, baseURL }) => {
  const email = `newcomer-${unique()}@example.test`;
  await page.goto('/signin');
  const field = page.getByLabel('E-mail address');

  await field.fill('not-an-address');
  await page.getByRole('button', { name: 'E-mail me a sign-in link' }).click();
  await expect(page.getByText('Enter a valid e-mail address, like name@example.com')).toBeVisible();

  await field.fill(email);
  await page.getByRole('button', { name: 'E-mail me a sign-in link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your e-mail' })).toBeVisible();

  // Demo mode shows every stored mail to anyone, signed out included.
  await page.getByRole('link', { name: 'outbox', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Outbox' })).toBeVisible();
  const newest = page.getByRole('listitem').first();
  await expect(newest).toContainText('Your Fairground sign-in link');
  await expect(newest).toContainText(`to ${email}`);
  await newest.locator('summary').click();
  const link = newest.getByRole('link', { name: /\/api\/auth\/callback\/email/ });
  await expect(link).toBeVisible();
  const href = await link.getAttribute('href');
  expect(href).toContain(encodeURIComponent(email));
  await link.click();

  // A new account has no name yet: the header shows its e-mail address.
  await expect(headerNav(page).getByRole('link', { name: email })).toBeVisible();
  await expect(page).toHaveURL('/');

  // The link works once: opened again elsewhere, it is refused with a clear message.
  const other = await browser.newContext({ baseURL });
  const again = await other.newPage();
  await again.goto(href!);
  await expect(again.getByText('That sign-in link has expired or was already used.')).toBeVisible();
  await expect(headerNav(again).getByRole('link', { name: 'Sign in' })).toBeVisible();
  await other.close();
});

test('sign-in links are limited per address: the sixth within the hour is refused with what to do', async ({ page }) => {
  const email = `again-${unique()}@example.test`;
  for (let i = 0; i < 5; i++) {
    await page.goto('/signin');
    await page.getByLabel('E-mail address').fill(email);
    await page.getByRole('button', { name: 'E-mail me a sign-in link' }).click();
    await expect(page.getByRole('heading', { name: 'Check your e-mail' })).toBeVisible();
  }
  await page.goto('/signin');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByRole('button', { name: 'E-mail me a sign-in link' }).click();
  await expect(page.getByText('Several sign-in links went to this address in the last hour. Use the newest one, or ask again in an hour.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Check your e-mail' })).toHaveCount(0);
});
