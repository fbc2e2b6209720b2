// 1-1 chats, walked through the UI by talents and recruiters of the demo fair.
// Every test uses its own recruiters and talents (one server and database per run), and sets up
// the recruiter's availability itself, so the tests do not depend on each other or their order.
import { expect, test } from '@playwright/test';
import { DEMO, DEMO_FAIR, openAs, signInAs, trackLiveConnections, waitForLiveTopic } from '../helpers/e2e';
import {
  CHATS_URL,
  dayTwoSlot,
  creditsLeft,
  dayTwoAt,
  inboxItem,
  inboxTab,
  myChatWith,
  confirmedChatWith,
  openForChats,
  openRecruiter,
  slotOption,
} from '../helpers/e2e-chats';

test('a talent books a Direct Booking recruiter: confirmed at once, one request used, the recruiter sees it live', async ({ page, browser, baseURL }) => {
  const recruiter = await openAs(browser, baseURL, 'Amira Haddad');
  await trackLiveConnections(recruiter);
  await openForChats(recruiter, { mode: 'direct', times: ['09:00', '10:00', '11:00'] });
  await expect(inboxTab(recruiter, 'Confirmed')).toHaveText('Confirmed (0)');
  await waitForLiveTopic(recruiter, 'user:');

  await signInAs(page, 'Ben Okafor');
  await page.goto(CHATS_URL);
  const before = await creditsLeft(page);
  const amira = openRecruiter(page, 'Amira Haddad');
  await expect(amira.getByText('Direct Booking')).toBeVisible();
  await expect(amira.getByText('3 open slots')).toBeVisible();
  await page.getByRole('button', { name: 'Book 1-1 chat with Amira Haddad', exact: true }).click();
  // "Confirm booking" waits for a slot.
  await expect(amira.getByRole('button', { name: 'Confirm booking' })).toBeDisabled();
  await amira.getByLabel('Time', { exact: true }).selectOption({ label: slotOption('10:00') });
  await amira.getByRole('button', { name: 'Confirm booking' }).click();

  const chat = myChatWith(page, 'Amira Haddad');
  await expect(chat).toContainText('Cedar Health');
  await expect(chat).toContainText(`${dayTwoAt('10:00')} (Europe/Berlin)`);
  await expect(confirmedChatWith(page, 'Amira Haddad')).toBeVisible();
  await expect(page.getByText(`${before.left - 1} of ${before.limit} requests left`)).toBeVisible();
  // The entry says what was booked and where it is (on a phone "Confirmed" is a hidden tab) …
  await expect(amira.getByRole('status')).toContainText(`Booked with Amira Haddad: ${slotOption('10:00')}. You find it under “Confirmed chats”.`);
  // … and one open chat per pair: no second booking with her.
  await expect(page.getByRole('button', { name: 'Book 1-1 chat with Amira Haddad' })).toHaveCount(0);
  await expect(amira.getByText('2 open slots')).toBeVisible();

  // The recruiter's page was never reloaded.
  await expect(inboxTab(recruiter, 'Confirmed')).toHaveText('Confirmed (1)', { timeout: 10_000 });
  await inboxTab(recruiter, 'Confirmed').click();
  await expect(inboxItem(recruiter, 'Ben Okafor')).toContainText(dayTwoAt('10:00'));
  await expect(dayTwoSlot(recruiter, '10:00')).toBeDisabled();
  await expect(dayTwoSlot(recruiter, '10:00')).toContainText('Booked · Ben Okafor');
  await recruiter.context().close();
});

test('request → recruiter approves → talent picks a time: both sides follow live, without a reload', async ({ page, browser, baseURL }) => {
  const recruiter = await openAs(browser, baseURL, 'Jonas Weber');
  await trackLiveConnections(recruiter);
  await openForChats(recruiter, { mode: 'selective', times: ['09:00', '09:30', '13:00'] });
  await expect(inboxTab(recruiter, 'Requests')).toHaveText('Requests (0)');
  await waitForLiveTopic(recruiter, 'user:');

  await signInAs(page, 'Emma Garcia');
  await trackLiveConnections(page);
  await page.goto(CHATS_URL);
  const before = await creditsLeft(page);
  await waitForLiveTopic(page, 'user:');
  const jonas = openRecruiter(page, 'Jonas Weber');
  await expect(jonas.getByText('Selective Booking')).toBeVisible();
  await page.getByRole('button', { name: 'Request 1-1 chat with Jonas Weber', exact: true }).click();
  await jonas.getByLabel('A short message').fill('I build firmware for sensor boards and would love to hear about sea trials.');
  await jonas.getByRole('button', { name: 'Send request' }).click();

  const chat = myChatWith(page, 'Jonas Weber');
  await expect(chat).toContainText('Waiting for the recruiter');
  await expect(page.getByText(`${before.left - 1} of ${before.limit} requests left`)).toBeVisible();

  // The recruiter sees the request arrive.
  await expect(inboxTab(recruiter, 'Requests')).toHaveText('Requests (1)', { timeout: 10_000 });
  const request = inboxItem(recruiter, 'Emma Garcia');
  await expect(request).toContainText('sea trials');
  await request.getByRole('button', { name: 'Approve' }).click();
  await expect(inboxTab(recruiter, 'In Scheduling')).toHaveText('In Scheduling (1)');
  await expect(inboxTab(recruiter, 'Requests')).toHaveText('Requests (0)');

  // The talent is asked to pick a time, without reloading.
  await expect(page.getByRole('heading', { name: 'Needs your action', level: 4 })).toBeVisible({ timeout: 10_000 });
  await expect(chat).toContainText('Pick a time');
  await expect(chat.getByRole('button', { name: 'Confirm this time' })).toBeDisabled();
  await chat.getByLabel('Pick a time').selectOption({ label: slotOption('09:30') });
  await chat.getByRole('button', { name: 'Confirm this time' }).click();
  await expect(confirmedChatWith(page, 'Jonas Weber')).toBeVisible();
  await expect(chat).toContainText(`${dayTwoAt('09:30')} (Europe/Berlin)`);
  await expect(page.getByRole('heading', { name: 'Needs your action' })).toHaveCount(0);
  // Picking the time costs nothing more.
  await expect(page.getByText(`${before.left - 1} of ${before.limit} requests left`)).toBeVisible();

  // ... and the recruiter sees it confirmed, live.
  await expect(inboxTab(recruiter, 'Confirmed')).toHaveText('Confirmed (1)', { timeout: 10_000 });
  await expect(inboxTab(recruiter, 'In Scheduling')).toHaveText('In Scheduling (0)');
  await inboxTab(recruiter, 'Confirmed').click();
  await expect(inboxItem(recruiter, 'Emma Garcia')).toContainText(dayTwoAt('09:30'));
  await recruiter.context().close();
});

test('a recruiter declines with a message and suggests a colleague; the talent sees both, live', async ({ page, browser, baseURL }) => {
  const recruiter = await openAs(browser, baseURL, DEMO.recruiter); // Nora Visser, Northwind Analytics
  await trackLiveConnections(recruiter);
  await openForChats(recruiter, { mode: 'selective', times: ['14:00', '14:30'] });
  await waitForLiveTopic(recruiter, 'user:');

  await signInAs(page, 'Farid Yilmaz');
  await trackLiveConnections(page);
  await page.goto(CHATS_URL);
  const before = await creditsLeft(page);
  await waitForLiveTopic(page, 'user:');
  await page.getByRole('button', { name: 'Request 1-1 chat with Nora Visser', exact: true }).click();
  await openRecruiter(page, 'Nora Visser').getByLabel('A short message').fill('Curious about the product analyst internship.');
  await openRecruiter(page, 'Nora Visser').getByRole('button', { name: 'Send request' }).click();
  await expect(myChatWith(page, 'Nora Visser')).toContainText('Waiting for the recruiter');

  await expect(inboxTab(recruiter, 'Requests')).toHaveText('Requests (1)', { timeout: 10_000 });
  const request = inboxItem(recruiter, 'Farid Yilmaz');
  await request.getByRole('button', { name: 'Decline…' }).click();
  await request.getByLabel('Message to the talent').fill('Our analyst roles are filled, but my colleague hires for data engineering.');
  await request.getByLabel('Suggest a colleague (optional)').selectOption({ label: 'Tom Bakker' });
  await request.getByRole('button', { name: 'Decline request' }).click();
  await expect(inboxTab(recruiter, 'Declined')).toHaveText('Declined (1)');
  await expect(inboxTab(recruiter, 'Requests')).toHaveText('Requests (0)');
  await inboxTab(recruiter, 'Declined').click();
  await expect(inboxItem(recruiter, 'Farid Yilmaz')).toContainText('Declined: Our analyst roles are filled');

  // The talent's page follows without a reload.
  const chat = myChatWith(page, 'Nora Visser');
  await expect(chat).toContainText('Declined by the company', { timeout: 10_000 });
  await expect(chat).toContainText('Our analyst roles are filled, but my colleague hires for data engineering.');
  await expect(chat).toContainText('They suggest their colleague Tom Bakker');
  await expect(chat).not.toContainText('Waiting for the recruiter');
  // A declined request does not give the credit back.
  await expect(page.getByText(`${before.left - 1} of ${before.limit} requests left`)).toBeVisible();
  // With nothing open between them any more, the talent may ask again.
  await expect(page.getByRole('button', { name: 'Request 1-1 chat with Nora Visser', exact: true })).toBeVisible();
  await recruiter.context().close();
});

test('withdrawing a request gives the request back, and the recruiter sees it go', async ({ page, browser, baseURL }) => {
  const recruiter = await openAs(browser, baseURL, 'Sofia Rossi');
  await trackLiveConnections(recruiter);
  await openForChats(recruiter, { mode: 'selective', times: ['15:00'] });
  await waitForLiveTopic(recruiter, 'user:');

  await signInAs(page, 'Greta Moreau');
  await page.goto(CHATS_URL);
  const before = await creditsLeft(page);
  await page.getByRole('button', { name: 'Request 1-1 chat with Sofia Rossi', exact: true }).click();
  await openRecruiter(page, 'Sofia Rossi').getByLabel('A short message').fill('Interested in the graduate programme.');
  await openRecruiter(page, 'Sofia Rossi').getByRole('button', { name: 'Send request' }).click();
  const chat = myChatWith(page, 'Sofia Rossi');
  await expect(chat).toContainText('Waiting for the recruiter');
  await expect(page.getByText(`${before.left - 1} of ${before.limit} requests left`)).toBeVisible();
  await expect(openRecruiter(page, 'Sofia Rossi')).toContainText('1 pending request');
  await expect(inboxTab(recruiter, 'Requests')).toHaveText('Requests (1)', { timeout: 10_000 });

  // Withdrawing asks first (one click withdrew at once), and "Keep it" keeps the request.
  await chat.getByRole('button', { name: 'Withdraw request…' }).click();
  await expect(chat.getByText('Withdraw this request? The request credit is given back.')).toBeVisible();
  await chat.getByRole('button', { name: 'Keep it' }).click();
  await expect(chat.getByRole('button', { name: 'Withdraw request…' })).toBeFocused();
  await expect(chat).toContainText('Waiting for the recruiter');
  await chat.getByRole('button', { name: 'Withdraw request…' }).click();
  await chat.getByRole('button', { name: 'Withdraw request', exact: true }).click();
  await expect(page.getByText(`${before.left} of ${before.limit} requests left`)).toBeVisible();
  await expect(chat).toContainText('Withdrawn by you');
  await expect(chat).not.toContainText('Waiting for the recruiter');
  await expect(page.getByRole('button', { name: 'Request 1-1 chat with Sofia Rossi', exact: true })).toBeVisible();
  await expect(openRecruiter(page, 'Sofia Rossi')).toContainText('0 pending requests');

  // Gone from the recruiter's requests (withdrawn ones are filed under Declined), live.
  await expect(inboxTab(recruiter, 'Requests')).toHaveText('Requests (0)', { timeout: 10_000 });
  await expect(inboxTab(recruiter, 'Declined')).toHaveText('Declined (1)');

  // Stored, not just shown.
  await page.reload();
  await expect(page.getByText(`${before.left} of ${before.limit} requests left`)).toBeVisible();
  await recruiter.context().close();
});

test('a confirmed chat is rescheduled by the talent and cancelled by the recruiter; each side sees the other live', async ({ page, browser, baseURL }) => {
  const recruiter = await openAs(browser, baseURL, 'Pieter de Vries');
  await trackLiveConnections(recruiter);
  await openForChats(recruiter, { mode: 'direct', times: ['09:00', '11:00', '16:00'] });
  await waitForLiveTopic(recruiter, 'user:');

  await signInAs(page, 'Hugo Larsen');
  await trackLiveConnections(page);
  await page.goto(CHATS_URL);
  await waitForLiveTopic(page, 'user:');
  const pieter = openRecruiter(page, 'Pieter de Vries');
  await page.getByRole('button', { name: 'Book 1-1 chat with Pieter de Vries', exact: true }).click();
  await pieter.getByLabel('Time', { exact: true }).selectOption({ label: slotOption('09:00') });
  await pieter.getByRole('button', { name: 'Confirm booking' }).click();
  const chat = myChatWith(page, 'Pieter de Vries');
  await expect(chat).toContainText(`${dayTwoAt('09:00')} (Europe/Berlin)`);

  await expect(inboxTab(recruiter, 'Confirmed')).toHaveText('Confirmed (1)', { timeout: 10_000 });
  await inboxTab(recruiter, 'Confirmed').click();
  const item = inboxItem(recruiter, 'Hugo Larsen');
  await expect(item).toContainText(dayTwoAt('09:00'));

  // The talent moves it from the chat's ⋮ menu; the slot in use is not offered.
  await chat.getByRole('button', { name: 'More actions for the chat with Pieter de Vries' }).click();
  await chat.getByRole('menuitem', { name: 'Reschedule…' }).click();
  const moveTo = chat.getByLabel('Move to');
  await expect(moveTo.getByRole('option', { name: slotOption('09:00') })).toHaveCount(0);
  await moveTo.selectOption({ label: slotOption('16:00') });
  await chat.getByRole('button', { name: 'Reschedule' }).click();
  await expect(chat).toContainText(`${dayTwoAt('16:00')} (Europe/Berlin)`);
  await expect(item).toContainText(dayTwoAt('16:00'), { timeout: 10_000 });
  await expect(item).not.toContainText(dayTwoAt('09:00'));
  // The recruiter's grid follows: 16:00 is now booked, 09:00 free again.
  await expect(dayTwoSlot(recruiter, '16:00')).toContainText('Booked · Hugo Larsen');
  await expect(dayTwoSlot(recruiter, '09:00')).toBeEnabled();
  // My Schedule offers the moved chat for the talent's calendar, at its new time.
  const schedule = await page.context().newPage();
  await schedule.goto(`/events/${DEMO_FAIR.slug}/schedule`);
  const entry = schedule.getByRole('listitem').filter({ hasText: 'Pieter de Vries' });
  const ics = await schedule.request.get((await entry.getByRole('link', { name: 'Add to calendar (.ics)' }).getAttribute('href'))!);
  expect(ics.headers()['content-type']).toContain('text/calendar');
  expect(await ics.text()).toMatch(/DTSTART;TZID=Europe\/Berlin:\d{8}T160000/);
  await schedule.close();

  // The recruiter cancels it with a reason, from the same ⋮ menu on their side.
  await item.getByRole('button', { name: 'More actions for the chat with Hugo Larsen' }).click();
  await item.getByRole('menuitem', { name: 'Cancel chat…' }).click();
  await item.getByLabel('Why are you cancelling?').fill('I have to leave the fair early, sorry — please book a colleague.');
  await item.getByRole('button', { name: 'Cancel the chat' }).click();
  await expect(inboxTab(recruiter, 'Cancelled')).toHaveText('Cancelled (1)');
  await expect(inboxTab(recruiter, 'Confirmed')).toHaveText('Confirmed (0)');

  await expect(chat).toContainText('Cancelled', { timeout: 10_000 });
  await expect(chat).toContainText('Reason: I have to leave the fair early');
  await expect(confirmedChatWith(page, 'Pieter de Vries')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Book 1-1 chat with Pieter de Vries', exact: true })).toBeVisible();
  await recruiter.context().close();
});

test('with no requests left the talent is told so and offered no button', async ({ page, browser, baseURL }) => {
  // Two open recruiters: one to spend the only request on, one to be refused.
  const elena = await openAs(browser, baseURL, 'Elena Petrova');
  await openForChats(elena, { mode: 'direct', times: ['12:00'] });
  await elena.context().close();
  const marc = await openAs(browser, baseURL, 'Marc Dubois');
  await openForChats(marc, { mode: 'selective', times: ['12:30'] });
  await marc.context().close();

  // The organizer lowers the limit (a talent's grant is fixed when they first spend, so the
  // talent below — who has not spent any yet — gets this one).
  const organizer = await openAs(browser, baseURL, DEMO.organizer);
  await organizer.goto(`/events/${DEMO_FAIR.slug}/manage`);
  const limit = organizer.getByLabel('Requests per talent');
  const original = await limit.inputValue();
  const setLimit = async (value: string) => {
    await organizer.goto(`/events/${DEMO_FAIR.slug}/manage`);
    await organizer.getByLabel('Requests per talent').fill(value);
    await organizer.getByRole('button', { name: 'Save changes' }).click();
    await expect(organizer.getByText('Changes saved.')).toBeVisible();
  };
  await setLimit('1');
  try {
    await signInAs(page, 'Jakob Costa');
    await page.goto(CHATS_URL);
    await expect(page.getByText('1 of 1 requests left')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Request 1-1 chat with Marc Dubois', exact: true })).toBeVisible();

    await page.getByRole('button', { name: 'Book 1-1 chat with Elena Petrova', exact: true }).click();
    await openRecruiter(page, 'Elena Petrova').getByLabel('Time', { exact: true }).selectOption({ label: slotOption('12:00') });
    await openRecruiter(page, 'Elena Petrova').getByRole('button', { name: 'Confirm booking' }).click();
    await expect(myChatWith(page, 'Elena Petrova')).toContainText(`${dayTwoAt('12:00')} (Europe/Berlin)`);

    await expect(page.getByText('0 of 1 requests left')).toBeVisible();
    await expect(openRecruiter(page, 'Marc Dubois')).toContainText('No requests left.');
    await expect(page.getByRole('button', { name: 'Request 1-1 chat with Marc Dubois' })).toHaveCount(0);
    await page.reload();
    await expect(openRecruiter(page, 'Marc Dubois')).toContainText('No requests left.');
    await expect(page.getByRole('button', { name: /^(Request|Book) 1-1 chat with Marc Dubois$/ })).toHaveCount(0);
  } finally {
    await setLimit(original);
    await organizer.context().close();
  }
});

test('a recruiter requests a chat for a colleague; the talent accepts the invitation by picking a time, live on both sides', async ({ page, browser, baseURL }) => {
  // The colleague the chat is for: her free slots are what the talent picks from.
  const lea = await openAs(browser, baseURL, 'Lea Schmidt');
  await trackLiveConnections(lea);
  await openForChats(lea, { mode: 'selective', times: ['10:30', '11:30'] });
  await expect(inboxTab(lea, 'Requests')).toHaveText('Requests (0)');
  await waitForLiveTopic(lea, 'user:');

  await signInAs(page, 'Kira Novak');
  await trackLiveConnections(page);
  await page.goto(CHATS_URL);
  const before = await creditsLeft(page);
  await waitForLiveTopic(page, 'user:');

  // Jonas Weber (Bluefin Robotics) finds the talent and sends the request for Lea.
  const jonas = await openAs(browser, baseURL, 'Jonas Weber');
  await trackLiveConnections(jonas);
  await jonas.goto(`/events/${DEMO_FAIR.slug}/chats/talents`);
  await jonas.getByRole('search', { name: 'Filter talents' }).getByLabel('Search').fill('Kira Novak');
  await jonas.getByRole('button', { name: 'Show talents' }).click();
  // The results page is hydrated (and follows his company's topic) before its button is used.
  await expect(jonas).toHaveURL(/q=Kira/);
  await waitForLiveTopic(jonas, 'team:');
  const kira = jonas.getByRole('region', { name: 'Talents' }).getByRole('listitem').filter({ hasText: 'Kira Novak' });
  await kira.getByRole('button', { name: 'Request 1-1 chat with Kira Novak', exact: true }).click();
  await kira.getByLabel('For').selectOption({ label: 'Lea Schmidt' });
  await kira.getByLabel('Message').fill('My colleague Lea would like to talk about firmware roles.');
  await kira.getByRole('button', { name: 'Send request' }).click();
  await expect(kira.getByText('Request sent to Kira Novak for Lea Schmidt.', { exact: false })).toBeVisible();
  await jonas.context().close();

  // Lea sees it among her requests as sent by her company, live.
  await expect(inboxTab(lea, 'Requests')).toHaveText('Requests (1)', { timeout: 10_000 });
  await expect(inboxItem(lea, 'Kira Novak')).toContainText('Sent by your company');
  await expect(inboxItem(lea, 'Kira Novak').getByRole('button', { name: 'Approve' })).toHaveCount(0);

  // The talent gets the invitation without a reload, and picks a time.
  const chat = myChatWith(page, 'Lea Schmidt');
  await expect(page.getByRole('heading', { name: 'Needs your action', level: 4 })).toBeVisible({ timeout: 10_000 });
  await expect(chat).toContainText('Invitation');
  await expect(chat).toContainText('firmware roles');
  await chat.getByLabel('Pick a time').selectOption({ label: slotOption('11:30') });
  await chat.getByRole('button', { name: 'Confirm this time' }).click();
  await expect(confirmedChatWith(page, 'Lea Schmidt')).toBeVisible();
  await expect(chat).toContainText(`${dayTwoAt('11:30')} (Europe/Berlin)`);
  // An invitation costs the talent nothing.
  await expect(page.getByText(`${before.left} of ${before.limit} requests left`)).toBeVisible();

  await expect(inboxTab(lea, 'Confirmed')).toHaveText('Confirmed (1)', { timeout: 10_000 });
  await expect(inboxTab(lea, 'Requests')).toHaveText('Requests (0)');
  await inboxTab(lea, 'Confirmed').click();
  await expect(inboxItem(lea, 'Kira Novak')).toContainText(dayTwoAt('11:30'));
  await lea.context().close();
});
