import { expect, test } from '@playwright/test';
import { DEMO, DEMO_FAIR, openAs, signInAs, trackLiveConnections, unique } from '../helpers/e2e';
import { cancelSession, createSessionAsOrganizer, enterRoom, PROGRAMME_URL, SESSION_PEOPLE, sessionCard, sessionRunningNow } from '../helpers/e2e-sessions';

test('an organizer creates a one-seat session; one talent gets the seat, the other the waitlist, and moves up when the seat is given back', async ({ page, browser, baseURL }) => {
  const title = `Portfolio review ${unique()}`;
  await signInAs(page, DEMO.organizer);
  await createSessionAsOrganizer(page, { title, capacity: '1', signUp: true, day: 'second', company: 'Northwind Analytics' });

  const a = await openAs(browser, baseURL, SESSION_PEOPLE.talentA);
  await a.goto(PROGRAMME_URL);
  // Filters: by kind and company, and search.
  await a.getByLabel('Company').selectOption({ label: 'Northwind Analytics' });
  await a.getByLabel('Search').fill(title);
  await a.getByRole('button', { name: 'Show sessions' }).click();
  const cardA = sessionCard(a, title);
  await expect(cardA).toContainText('1 seat left');
  await expect(cardA).toContainText(`Hosted by ${SESSION_PEOPLE.host}`);
  await cardA.getByRole('button', { name: `Sign up: ${title}` }).click();
  await expect(cardA.getByText('You have a seat.')).toBeVisible();
  await expect(cardA).toContainText('Full — waitlist open');

  const b = await openAs(browser, baseURL, SESSION_PEOPLE.talentB);
  await b.goto(`${PROGRAMME_URL}?q=${encodeURIComponent(title)}`);
  const cardB = sessionCard(b, title);
  await cardB.getByRole('button', { name: `Join the waitlist: ${title}` }).click();
  await expect(cardB.getByText('You are on the waitlist — position 1.')).toBeVisible();

  // My Schedule lists it with its calendar file; no way in from the waitlist.
  await b.goto(`/events/${DEMO_FAIR.slug}/schedule`);
  const mine = sessionCard(b, title);
  await expect(mine.getByText('You are on the waitlist — position 1.')).toBeVisible();
  await expect(mine.getByText(/^Opens at/)).toHaveCount(0);
  const ics = await b.request.get((await mine.getByRole('link', { name: 'Add to calendar (.ics)' }).getAttribute('href'))!);
  expect(ics.headers()['content-type']).toContain('text/calendar');
  expect(await ics.text()).toContain(`SUMMARY:${title}`);

  // A gives the seat back: B moves up in the same transaction and is told.
  await a.goto(`${PROGRAMME_URL}?q=${encodeURIComponent(title)}`);
  await cardA.getByRole('button', { name: `Cancel my seat: ${title}` }).click();
  // It asks first: the seat goes to the waitlist at once.
  await cardA.getByRole('button', { name: 'Yes, give up my seat' }).click();
  await expect(cardA.getByRole('button', { name: `Join the waitlist: ${title}` })).toBeVisible();
  await b.reload();
  await expect(mine.getByText('You have a seat.')).toBeVisible();
  // With a seat, the room's opening time shows (it is tomorrow).
  await expect(mine.getByText(/^Opens at \d\d:\d\d/)).toBeVisible();
  await b.goto('/notifications');
  await expect(b.getByText(`A seat opened up: you are in “${title}”`)).toBeVisible();

  // The company profile lists it; the organizer cancels it and B is told.
  await b.goto(`/events/${DEMO_FAIR.slug}/companies/northwind-analytics`);
  await expect(sessionCard(b, title)).toBeVisible();
  // Its tab names the company, and a talent gets from its recruiters to 1-1 chats in one step.
  await expect(b).toHaveTitle('Northwind Analytics · Fairground');
  await expect(b.getByRole('link', { name: 'Book or request a 1-1 chat →' })).toHaveAttribute('href', `/events/${DEMO_FAIR.slug}/chats`);
  await page.goto(`/events/${DEMO_FAIR.slug}/manage/sessions`);
  const managed = sessionCard(page, title);
  await managed.getByRole('button', { name: 'Cancel session' }).click();
  await managed.getByRole('button', { name: 'Yes, cancel the session' }).click();
  await expect(page.getByText(/Session cancelled\. 2 people were told/)).toBeVisible();
  await b.goto('/notifications');
  await expect(b.getByText(`Session cancelled: ${title}`)).toBeVisible();
  await a.context().close();
  await b.context().close();
});

// The walk puts its own session on now rather than use the seed's welcome session, which is on
// only in the two hours after the seed ran (a run seeded near that end, or walking longer, failed).
test('the lobby shows the session on now, and a talent enters it from there', async ({ page, browser, baseURL }) => {
  const title = `On now ${unique()}`;
  const when = sessionRunningNow();
  await signInAs(page, DEMO.organizer);
  await createSessionAsOrganizer(page, { title, date: when.date, start: when.start, end: when.end });
  const talent = await openAs(browser, baseURL, SESSION_PEOPLE.talentA);
  await talent.goto(`/events/${DEMO_FAIR.slug}`);
  const onNow = talent.getByRole('region', { name: 'On now' });
  const card = onNow.getByRole('listitem', { name: title });
  await expect(card).toBeVisible();
  await expect(card).toContainText('Open to all');
  await expect(card.getByRole('link', { name: 'Enter' })).toHaveAttribute('href', /\/sessions\/[0-9a-f-]{36}\/room$/);
  await card.getByRole('link', { name: 'Enter' }).click();
  await talent.waitForURL(/\/sessions\/[0-9a-f-]{36}\/room$/);
  await expect(talent.getByRole('heading', { name: title })).toBeVisible();
  await talent.context().close();

  // The shared demo fair gets its programme back.
  await cancelSession(page, title);
});

test('questions that need approval: the author sees theirs waiting, others do not, the host approves and everyone sees it live', async ({ page, browser, baseURL }) => {
  // Three browsers each load a room for the first time (see enterRoom): room for a loaded CI machine.
  test.slow();
  const title = `Approved questions ${unique()}`;
  const when = sessionRunningNow();
  await signInAs(page, DEMO.organizer);
  await createSessionAsOrganizer(page, { title, date: when.date, start: when.start, end: when.end, approval: true });
  const a = await openAs(browser, baseURL, SESSION_PEOPLE.talentA);
  const b = await openAs(browser, baseURL, SESSION_PEOPLE.talentB);
  const host = await openAs(browser, baseURL, SESSION_PEOPLE.host);
  // Each enters the room and follows its Q&A live (enterRoom waits for both, not for a clock).
  for (const p of [a, b, host]) {
    await trackLiveConnections(p);
    await enterRoom(p, title);
  }

  const question = 'Can I apply to two teams?';
  await a.getByLabel('Your question').fill(question);
  await a.getByRole('button', { name: 'Ask', exact: true }).click();
  await expect(a.getByText('Thanks — a host approves questions before everyone sees them.')).toBeVisible();
  const mine = a.getByRole('list', { name: 'Questions' }).getByRole('listitem', { name: question });
  await expect(mine).toContainText('Waiting for approval');
  await expect(mine.getByRole('button', { name: /^Vote for/ })).toBeDisabled();
  const waiting = host.getByRole('region', { name: 'Waiting for approval' });
  await expect(waiting.getByRole('listitem', { name: question })).toBeVisible();
  await expect(b.getByText('No questions yet. Ask the first one.')).toBeVisible();
  await expect(b.getByRole('listitem', { name: question })).toHaveCount(0);

  await waiting.getByRole('button', { name: `Approve “${question}”` }).click();
  await expect(b.getByRole('list', { name: 'Questions' }).getByRole('listitem', { name: question })).toBeVisible();
  await expect(waiting).toHaveCount(0);
  await expect(mine).not.toContainText('Waiting for approval');
  await expect(mine.getByRole('button', { name: /^Vote for/ })).toBeEnabled();

  // The shared demo fair gets its programme back.
  await cancelSession(page, title);
  for (const p of [a, b, host]) await p.context().close();
});
