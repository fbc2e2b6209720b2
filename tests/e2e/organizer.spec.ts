import { expect, test } from '@playwright/test';
import { DEMO, DEMO_FAIR, signInAs, unique } from '../helpers/e2e';

test.beforeEach(async ({ page }) => {
  await signInAs(page, DEMO.organizer);
});

test('create an event with two days: a bad input is explained, then it is created and listed', async ({ page, browser, baseURL }) => {
  const id = unique();
  const name = `E2E Spring Fair ${id}`;
  const slug = `e2e-spring-fair-${id}`;

  await page.goto('/');
  await page.getByRole('link', { name: 'Create event' }).click();
  await expect(page).toHaveURL('/organize/new');
  await expect(page.getByRole('heading', { name: 'Create an event' })).toBeVisible();

  const nameField = page.getByLabel('Name', { exact: true });
  await page.getByLabel('Description').fill('Two days: one online, one at the harbour or online.');
  await page.getByLabel('Time zone').selectOption('Europe/Amsterdam');
  await page.getByLabel('Status').selectOption('published');
  await page.getByLabel('Who may start 1-1 chats').selectOption('talents');
  await page.getByLabel('Requests per talent').fill('3');
  await page.getByLabel('Requests per recruiter').fill('12');

  const day1 = page.getByRole('group', { name: 'Day 1' });
  await day1.getByLabel('Date').fill('2031-03-10');
  await day1.getByLabel('Mode').selectOption('virtual');
  // Closing before opening: refused with a message beside the field.
  await day1.getByLabel('Opens at').fill('17:00');
  await day1.getByLabel('Closes at').fill('09:00');
  await day1.getByLabel('45 min', { exact: true }).check();

  await page.getByRole('button', { name: 'Add a day' }).click();
  const day2 = page.getByRole('group', { name: 'Day 2' });
  await expect(day2).toBeVisible();
  await expect(day2.getByLabel('Date')).toHaveValue('2031-03-11');
  // Hybrid: each recruiter chooses virtual or in person for their chats that day.
  await day2.getByLabel('Mode').selectOption('hybrid');
  await day2.getByLabel('Opens at').fill('10:00');
  await day2.getByLabel('Closes at').fill('16:00');
  await day2.getByLabel('30 min', { exact: true }).uncheck();
  await day2.getByLabel('20 min', { exact: true }).check();

  // The name is still empty as well.
  await page.getByRole('button', { name: 'Create event' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /^Please correct the highlighted fields\./ })).toBeVisible();
  await expect(page.getByText('Give the event a name of at least 3 characters', { exact: true })).toBeVisible();
  await expect(nameField).toHaveAttribute('aria-invalid', 'true');
  await expect(day1.getByText('Closing time must be after opening time', { exact: true })).toBeVisible();
  await expect(day1.getByLabel('Closes at')).toHaveAttribute('aria-invalid', 'true');
  await expect(day2.getByText('Closing time must be after opening time')).toHaveCount(0);
  await expect(page).toHaveURL('/organize/new');

  await nameField.fill(name);
  await expect(page.getByLabel('Address')).toHaveValue(slug);
  await day1.getByLabel('Opens at').fill('09:00');
  await day1.getByLabel('Closes at').fill('17:00');
  await page.getByRole('button', { name: 'Create event' }).click();

  await expect(page).toHaveURL(`/events/${slug}/manage?created=1`);
  await expect(page.getByText('Event created.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  // The stored event comes back into the edit form as entered.
  await expect(page.getByLabel('Time zone')).toHaveValue('Europe/Amsterdam');
  await expect(page.getByLabel('Requests per recruiter')).toHaveValue('12');
  await expect(page.getByRole('group', { name: 'Day 2' }).getByLabel('Mode')).toHaveValue('hybrid');
  await expect(page.getByRole('group', { name: 'Day 2' }).getByLabel('20 min', { exact: true })).toBeChecked();
  await expect(page.getByRole('group', { name: 'Day 3' })).toHaveCount(0);
  await expect(page.getByText(/Olivia Okafor created the event/)).toBeVisible();

  await page.goto('/');
  const card = page.getByRole('article').filter({ has: page.getByRole('link', { name }) });
  await expect(card).toBeVisible();
  await expect(card).toContainText('2 days');

  // Published: a signed-out visitor sees it on the landing page and in its lobby too.
  const visitor = await browser.newContext({ baseURL });
  const anon = await visitor.newPage();
  await anon.goto('/');
  await anon.getByRole('link', { name }).click();
  await expect(anon).toHaveURL(`/events/${slug}`);
  await expect(anon.getByText('Talents request 1-1 chats')).toBeVisible();
  await expect(anon.getByText('Hybrid', { exact: true })).toBeVisible();
  await visitor.close();
});

test('invite a new company: it joins the event and the invitation is in the outbox', async ({ page }) => {
  const id = unique();
  const company = `Harbor Labs ${id}`;
  const email = `admin-${id}@harbor-labs.example`;

  await page.goto(`/events/${DEMO_FAIR.slug}`);
  await page.getByRole('navigation', { name: 'Event' }).getByRole('link', { name: 'Manage' }).click();
  await page.getByRole('navigation', { name: 'Manage' }).getByRole('link', { name: 'Companies & recruiters' }).click();
  await expect(page).toHaveURL(`/events/${DEMO_FAIR.slug}/manage/companies`);

  const form = page.getByRole('form', { name: 'Invite a new company' });
  await form.getByRole('button', { name: 'Invite company' }).click();
  await expect(form.getByRole('alert').first()).toBeVisible();

  await form.getByLabel('Company name', { exact: true }).fill(company);
  await form.getByLabel("Admin's name").fill('Ivo Harbor');
  await form.getByLabel("Admin's e-mail").fill(email);
  await form.getByRole('button', { name: 'Invite company' }).click();
  await expect(form.getByText(`Invitation e-mailed to ${email}.`)).toBeVisible();

  const row = page.getByRole('row').filter({ hasText: company });
  await expect(row).toBeVisible();
  await expect(row).toContainText(email);
  await expect(row).toContainText('Invited');

  await page.getByRole('navigation', { name: 'Manage' }).getByRole('link', { name: 'Outbox' }).click();
  await expect(page).toHaveURL('/outbox');
  const mail = page.getByRole('listitem').filter({ hasText: `to ${email}` });
  await expect(mail).toHaveCount(1);
  await expect(mail).toContainText(`You are invited to ${DEMO_FAIR.name} on Fairground`);
  await mail.locator('summary').click();
  await expect(mail).toContainText(company);
  await expect(mail.getByRole('link').first()).toHaveAttribute('href', new RegExp(`^http://localhost:${process.env.E2E_PORT ?? 3310}/`));
});
