import { expect, test, type Page } from '@playwright/test';
import { DEMO, DEMO_FAIR, headerNav, horizontalOverflow, signInAs, signInByEmail, unique } from '../helpers/e2e';

const WIDTH = 375;
test.use({ viewport: { width: WIDTH, height: 812 }, hasTouch: true });

async function expectNoOverflow(page: Page, path: string, ready: () => Promise<void>) {
  await page.goto(path);
  await ready();
  const { scrollWidth, widest } = await horizontalOverflow(page);
  expect(scrollWidth, `${path} scrolls sideways at ${WIDTH} px; sticking out: ${widest.join(', ')}`).toBeLessThanOrEqual(WIDTH);
}

test('landing, lobby and create-event fit a 375 px phone', async ({ page }) => {
  await expectNoOverflow(page, '/', () => expect(page.getByRole('heading', { name: 'Events' })).toBeVisible());
  await signInAs(page, DEMO.organizer);
  await expectNoOverflow(page, '/', () => expect(page.getByRole('link', { name: 'Create event' })).toBeVisible());
  await expectNoOverflow(page, `/events/${DEMO_FAIR.slug}`, () => expect(page.getByRole('heading', { name: 'Days' })).toBeVisible());
  await expectNoOverflow(page, '/organize/new', async () => {
    await expect(page.getByRole('heading', { name: 'Create an event' })).toBeVisible();
    await page.getByRole('button', { name: 'Add a day' }).click();
    await expect(page.getByRole('group', { name: 'Day 2' })).toBeVisible();
  });
});

test('sign-in, profile, company, manage and outbox pages fit a 375 px phone', async ({ page }) => {
  await expectNoOverflow(page, '/signin', () => expect(page.getByRole('heading', { name: 'Demo sign-in' })).toBeVisible());
  await signInAs(page, DEMO.organizer);
  await expectNoOverflow(page, '/profile', () => expect(page.getByRole('heading', { name: 'Your profile' })).toBeVisible());
  await expectNoOverflow(page, `/events/${DEMO_FAIR.slug}/manage`, () => expect(page.getByRole('button', { name: 'Save changes' })).toBeVisible());
  await expectNoOverflow(page, `/events/${DEMO_FAIR.slug}/manage/companies`, () => expect(page.getByRole('heading', { name: /Companies in this event/ })).toBeVisible());
  await expectNoOverflow(page, `/events/${DEMO_FAIR.slug}/companies`, () => expect(page.getByRole('link', { name: 'Northwind Analytics' })).toBeVisible());
  await page.getByRole('link', { name: 'Northwind Analytics' }).click();
  await expect(page).toHaveURL(/\/companies\/.+/);
  await expectNoOverflow(page, new URL(page.url()).pathname, () => expect(page.getByRole('heading', { name: 'Northwind Analytics' })).toBeVisible());
  await expectNoOverflow(page, '/outbox', () => expect(page.getByRole('heading', { name: 'Outbox' })).toBeVisible());
});

test('on a phone the lobby puts "Your place" (sign in to register) above the programme', async ({ page }) => {
  await page.goto(`/events/${DEMO_FAIR.slug}`);
  const place = await page.getByRole('heading', { name: 'Your place' }).boundingBox();
  const sessions = await page.getByRole('heading', { name: 'Sessions', exact: true }).boundingBox();
  expect(place!.y).toBeLessThan(sessions!.y);
  // The tab names the fair (it read just "Fairground").
  await expect(page).toHaveTitle(`${DEMO_FAIR.name} · Fairground`);
});

test('on a phone the header keeps "Sign out" on one line next to a long e-mail address', async ({ page }) => {
  // A person signed in by e-mail has no name yet: the header shows the address, shortened. "Sign
  // out" was squeezed onto two lines beside it.
  await signInByEmail(page, `jonathan.mcallister-${unique()}@example.com`);
  await page.goto('/');
  const signOut = headerNav(page).getByRole('button', { name: 'Sign out' });
  const box = (await signOut.boundingBox())!;
  const lineHeight = await signOut.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight) || parseFloat(getComputedStyle(el).fontSize) * 1.5);
  expect(box.height, '"Sign out" is one line').toBeLessThan(lineHeight * 1.5);
  const { scrollWidth } = await horizontalOverflow(page);
  expect(scrollWidth).toBeLessThanOrEqual(WIDTH);
});
