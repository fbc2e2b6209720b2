// 1-1 chats as people meet them (issue 10): the steps that were missing or confusing, walked as
// talent and recruiter. Uses recruiters Tom Bakker and Daniel Keller and talents 15–20, whom the
// other browser tests leave alone.
import { expect, test, type Page } from '@playwright/test';
import { DEMO_FAIR, horizontalOverflow, openAs, signInAs, trackLiveConnections, waitForLiveTopic } from '../helpers/e2e';
import {
  CHATS_URL,
  MANAGE_CHATS_URL,
  confirmedChatWith,
  creditsLeft,
  dayTwoAt,
  dayTwoLabel,
  dayTwoSlot,
  inboxItem,
  inboxTab,
  myChatWith,
  openForChats,
  openRecruiter,
  slotOption,
} from '../helpers/e2e-chats';

const TALENTS_URL = `/events/${DEMO_FAIR.slug}/chats/talents`;

/** A recruiter, on the talents page, invites one talent for themselves. */
/** `recruiter` must track its live connections (trackLiveConnections) from before its first page. */
async function invite(recruiter: Page, talent: string, message: string) {
  await recruiter.goto(TALENTS_URL);
  await recruiter.getByRole('search', { name: 'Filter talents' }).getByLabel('Search').fill(talent);
  await recruiter.getByRole('button', { name: 'Show talents' }).click();
  // The results page is hydrated before its button is used (a click on the page being left is lost).
  await expect(recruiter).toHaveURL(/q=/);
  await waitForLiveTopic(recruiter, 'team:');
  const item = recruiter.getByRole('region', { name: 'Talents' }).getByRole('listitem').filter({ hasText: talent });
  await item.getByRole('button', { name: `Request 1-1 chat with ${talent}`, exact: true }).click();
  await item.getByLabel('Message').fill(message);
  await item.getByRole('button', { name: 'Send request' }).click();
  await expect(item.getByText(`Request sent to ${talent}`)).toBeVisible();
}

test('request with a required message and question; approve shows free slots; the recruiter reschedules from ⋮; grid shows past, booked and a duration warning', async ({ page, browser, baseURL }) => {
  const tom = await openAs(browser, baseURL, 'Tom Bakker');
  await trackLiveConnections(tom);
  await openForChats(tom, { mode: 'selective', times: ['09:00', '09:30'] });
  const settings = tom.getByRole('form', { name: '1-1 chat settings' });
  await settings.getByLabel(/question/i).fill('Which of our teams interests you?');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings.getByText('Settings saved.')).toBeVisible();
  await waitForLiveTopic(tom, 'user:');

  await signInAs(page, 'Olga Garcia');
  await page.goto(CHATS_URL);
  const tomEntry = openRecruiter(page, 'Tom Bakker');
  const requestButton = page.getByRole('button', { name: 'Request 1-1 chat with Tom Bakker', exact: true });
  // Opening the form moves focus into it; Back returns focus to the button (item 20).
  await requestButton.click();
  const message = tomEntry.getByLabel('A short message');
  await expect(message).toBeFocused();
  await tomEntry.getByRole('button', { name: 'Back' }).click();
  await expect(requestButton).toBeFocused();
  await requestButton.click();
  // A blank request cannot be sent; the recruiter's question is shown and required (item 10).
  const send = tomEntry.getByRole('button', { name: 'Send request' });
  await expect(send).toBeDisabled();
  await message.fill('Hello');
  await expect(send).toBeDisabled();
  await message.fill('I analyse sensor data and would like to hear about your analytics team.');
  const answer = tomEntry.getByLabel('Tom Bakker asks: Which of our teams interests you?');
  await expect(answer).toBeVisible();
  await expect(send).toBeDisabled();
  await answer.fill('Product analytics');
  await send.click();
  await expect(myChatWith(page, 'Tom Bakker')).toContainText('Waiting for the recruiter');

  // The recruiter sees how many free slots the talent can pick from while approving (item 6).
  await expect(inboxTab(tom, 'Requests')).toHaveText('Requests (1)', { timeout: 10_000 });
  const request = inboxItem(tom, 'Olga Garcia');
  await expect(request).toContainText('Answer: Product analytics');
  await expect(request).toContainText('You have 2 free slots for the talent to pick from.');
  await request.getByRole('button', { name: 'Approve' }).click();
  await expect(inboxTab(tom, 'In Scheduling')).toHaveText('In Scheduling (1)');

  const chat = myChatWith(page, 'Tom Bakker');
  await chat.getByLabel('Pick a time').selectOption({ label: slotOption('09:00') });
  await chat.getByRole('button', { name: 'Confirm this time' }).click();
  await expect(confirmedChatWith(page, 'Tom Bakker')).toContainText(dayTwoAt('09:00'));

  // The recruiter reschedules the confirmed chat from its ⋮ menu, with the keyboard (item 3).
  await expect(inboxTab(tom, 'Confirmed')).toHaveText('Confirmed (1)', { timeout: 10_000 });
  await inboxTab(tom, 'Confirmed').click();
  const item = inboxItem(tom, 'Olga Garcia');
  const menu = item.getByRole('button', { name: 'More actions for the chat with Olga Garcia' });
  await menu.focus();
  await tom.keyboard.press('Enter');
  await expect(item.getByRole('menuitem', { name: 'Reschedule…' })).toBeFocused();
  await tom.keyboard.press('ArrowDown');
  await expect(item.getByRole('menuitem', { name: 'Cancel chat…' })).toBeFocused();
  await tom.keyboard.press('ArrowUp');
  await tom.keyboard.press('Enter');
  await expect(item.getByLabel('Move to')).toBeFocused();
  await item.getByLabel('Move to').selectOption({ label: slotOption('09:30') });
  await item.getByRole('button', { name: 'Reschedule', exact: true }).click();
  await expect(item).toContainText(dayTwoAt('09:30'));
  await expect(confirmedChatWith(page, 'Tom Bakker')).toContainText(dayTwoAt('09:30'), { timeout: 10_000 });

  // A booked slot names the talent in full on keyboard focus (item 16).
  const booked = dayTwoSlot(tom, '09:30');
  await booked.focus();
  const tip = tom.getByRole('tooltip', { name: 'Booked by Olga Garcia — cancel the chat to free it' });
  await expect(tip).toBeVisible();
  await expect(booked).toHaveAccessibleDescription('Booked by Olga Garcia — cancel the chat to free it');

  // Changing the duration would clear the selection: the recruiter is asked first (item 22).
  const day = tom.getByRole('region', { name: `Availability on ${dayTwoLabel()}` });
  await dayTwoSlot(tom, '11:00').click();
  await day.getByLabel('Chat duration').selectOption('15');
  const ask = day.getByRole('alertdialog', { name: 'Change the chat duration?' });
  await expect(ask).toContainText('Changing to 15-minute chats clears the 2 slots you selected');
  await ask.getByRole('button', { name: 'Keep 30 minutes' }).click();
  await expect(ask).toHaveCount(0);
  await expect(day.getByLabel('Chat duration')).toHaveValue('30');
  await expect(dayTwoSlot(tom, '11:00')).toHaveAttribute('aria-pressed', 'true');

  // Today's slots that have started are past: shown as such and not selectable (item 9).
  const today = tom.getByRole('region', { name: /^Availability on / }).first();
  // Hours that have fully passed are folded into one line; the keyboard opens it. (Before 01:00
  // in the event's zone no hour has fully passed yet, and there is nothing to fold.)
  const showPast = today.getByRole('button', { name: /^Show past slots on / });
  if (await showPast.count()) {
    await expect(today).toContainText(/\d+ earlier slots? ha(s|ve) passed/);
    await showPast.focus();
    await tom.keyboard.press('Enter');
    await expect(today.getByRole('button', { name: /^Hide past slots on / })).toHaveAttribute('aria-expanded', 'true');
  }
  const midnight = today.getByRole('group', { name: /^Slots on / }).getByRole('button', { name: /^00:00/ });
  await expect(midnight).toContainText('Past');
  await expect(midnight).toBeDisabled();
  await midnight.click({ force: true });
  await expect(midnight).toContainText('Past');
  await tom.context().close();
});

test('chat mails name the company and open the exact chat; the outbox shows the .ics and downloads it', async ({ page }) => {
  // Tom moved his chat with Olga in the first test: his mail about it.
  await signInAs(page, 'Tom Bakker');
  // The outbox renders times the same on the server and in the browser: no hydration error (item 19).
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/outbox');
  await expect(page.getByRole('heading', { name: 'Outbox' })).toBeVisible();
  await expect(page.locator('main time').first()).not.toContainText(/AM|PM/);
  expect(errors.filter((e) => /hydrat|#418|#423|#425/i.test(e))).toEqual([]);
  const mail = page.getByRole('listitem').filter({ hasText: '1-1 chat with Olga Garcia moved (Northwind Analytics)' }).first();
  await mail.locator('summary').click();
  await expect(mail).toContainText('Northwind Analytics · Fairground Demo Career Fair');
  const attachment = mail.getByRole('list', { name: 'Attachments' }).getByRole('link', { name: /chat\.ics/ });
  await expect(attachment).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), attachment.click()]);
  expect(download.suggestedFilename()).toBe('chat.ics');
  const ics = await (await download.createReadStream()).toArray();
  expect(Buffer.concat(ics).toString()).toContain('BEGIN:VCALENDAR');
  // "Open this chat" lands on Manage 1-1 Chats with the chat's tab open and the chat in view.
  await mail.getByRole('link', { name: /\/chats\/manage#chat-/ }).click();
  await expect(page).toHaveURL(/\/events\/demo-fair\/chats\/manage#chat-/);
  await expect(inboxTab(page, 'Confirmed')).toHaveAttribute('aria-selected', 'true');
  const arrived = inboxItem(page, 'Olga Garcia');
  await expect(arrived).toHaveAttribute('data-arrived', 'true');
  await expect(arrived).toBeInViewport();
  // The chat itself offers its calendar entry (it was only on My Schedule), for both sides.
  const [own] = await Promise.all([page.waitForEvent('download'), arrived.getByRole('link', { name: 'Add to calendar (.ics)' }).click()]);
  expect(own.suggestedFilename()).toMatch(/^chat-[0-9a-f]{8}\.ics$/);
  expect(Buffer.concat(await (await own.createReadStream()).toArray()).toString()).toContain('SUMMARY:1-1 chat: Olga Garcia & Tom Bakker');
  await signInAs(page, 'Olga Garcia');
  await page.goto(CHATS_URL);
  await expect(confirmedChatWith(page, 'Tom Bakker').getByRole('link', { name: 'Add to calendar (.ics)' })).toHaveAttribute('href', /^\/api\/chats\/[0-9a-f-]{36}\/ics$/);
});

test('no free slot: no request button; approving anyway keeps the warning in view; cancelling gives the request back', async ({ page, browser, baseURL }) => {
  const daniel = await openAs(browser, baseURL, 'Daniel Keller');
  await trackLiveConnections(daniel);
  await openForChats(daniel, { mode: 'selective', times: ['16:30'] });

  await signInAs(page, 'Paul Yilmaz');
  await trackLiveConnections(page);
  await page.goto(CHATS_URL);
  await waitForLiveTopic(page, 'open-recruiters:');
  const before = await creditsLeft(page);
  const entry = openRecruiter(page, 'Daniel Keller');
  await page.getByRole('button', { name: 'Request 1-1 chat with Daniel Keller', exact: true }).click();
  await entry.getByLabel('A short message').fill('I would like to hear about the campus programme.');
  await entry.getByRole('button', { name: 'Send request' }).click();
  await expect(page.getByText(`${before.left - 1} of ${before.limit} requests left`)).toBeVisible();

  // Daniel takes his only slot away: talents see that there is nothing to book (item 5).
  const day = daniel.getByRole('region', { name: `Availability on ${dayTwoLabel()}` });
  await dayTwoSlot(daniel, '16:30').click();
  await day.getByRole('button', { name: `Save ${dayTwoLabel()}` }).click();
  await expect(day.getByText('Availability saved.')).toBeVisible();

  await signInAs(page, 'Rosa Moreau');
  await page.goto(CHATS_URL);
  await expect(openRecruiter(page, 'Daniel Keller')).toContainText('No open slots');
  await expect(openRecruiter(page, 'Daniel Keller')).toContainText('Daniel Keller has no free slot right now.');
  await expect(page.getByRole('button', { name: 'Request 1-1 chat with Daniel Keller' })).toHaveCount(0);

  // Approving without a free slot: the count says so first, and the warning stays after the item moves tab (item 6).
  await daniel.goto(MANAGE_CHATS_URL);
  const request = inboxItem(daniel, 'Paul Yilmaz');
  await expect(request).toContainText('You have no free slot right now');
  await request.getByRole('button', { name: 'Approve' }).click();
  await expect(inboxTab(daniel, 'In Scheduling')).toHaveText('In Scheduling (1)');
  await expect(daniel.getByText('Approved Paul Yilmaz’s request — but you have no free slot left.')).toBeVisible();
  await daniel.waitForTimeout(1_000); // the refresh after approving has landed; the warning is still there
  await expect(daniel.getByText('Approved Paul Yilmaz’s request — but you have no free slot left.')).toBeVisible();

  // The talent is told plainly, and cancelling gives the request back.
  await signInAs(page, 'Paul Yilmaz');
  await page.goto(CHATS_URL);
  const chat = myChatWith(page, 'Daniel Keller');
  await expect(chat).toContainText('Daniel Keller has no free slot right now.');
  await chat.getByRole('button', { name: 'Cancel chat…' }).click();
  await expect(chat.getByLabel('Why are you cancelling?')).toBeFocused();
  await chat.getByLabel('Why are you cancelling?').fill('No time was free.');
  await chat.getByRole('button', { name: 'Cancel the chat' }).click();
  await expect(chat).toContainText('Cancelled');
  await expect(page.getByText(`${before.left} of ${before.limit} requests left`)).toBeVisible();
  await daniel.context().close();
});

test('invitations: the talent declines with "Message to the recruiter", the sender withdraws from ⋮, both labelled; clashing times are marked', async ({ page, browser, baseURL }) => {
  test.slow(); // three people and five page walks: more than a minute on a busy 2-core machine
  const tom = await openAs(browser, baseURL, 'Tom Bakker');
  await trackLiveConnections(tom);
  await invite(tom, 'Samir Larsen', 'We would like to talk about data engineering.');
  await invite(tom, 'Tara Fischer', 'Would you like to meet our analytics team?');

  // The talent declines an invitation: the message goes to the recruiter (item 12).
  await signInAs(page, 'Samir Larsen');
  await page.goto(CHATS_URL);
  const chat = myChatWith(page, 'Tom Bakker');
  await chat.getByRole('button', { name: 'Decline…' }).click();
  await expect(chat.getByLabel('Message to the recruiter')).toBeFocused();
  await expect(chat.getByText('Message to the talent')).toHaveCount(0);
  await chat.getByLabel('Message to the recruiter').fill('Thanks, I have accepted another offer.');
  await chat.getByRole('button', { name: 'Decline invitation' }).click();
  await expect(chat).toContainText('Declined by you');

  // The sender withdraws the other invitation from its ⋮ menu (item 3).
  await tom.goto(MANAGE_CHATS_URL);
  const tara = inboxItem(tom, 'Tara Fischer');
  await tara.getByRole('button', { name: 'More actions for the chat with Tara Fischer' }).click();
  await tara.getByRole('menuitem', { name: 'Withdraw request…' }).click();
  await tara.getByRole('button', { name: 'Withdraw request' }).click();
  await expect(inboxTab(tom, 'Declined')).toHaveText('Declined (2)');
  await inboxTab(tom, 'Declined').click();
  // Labelled by who ended them (item 11).
  await expect(inboxItem(tom, 'Tara Fischer')).toContainText('Withdrawn by you');
  await expect(inboxItem(tom, 'Samir Larsen')).toContainText('Declined by the talent');
  await tom.goto(`/events/${DEMO_FAIR.slug}/chats/all?status=declined`);
  await expect(tom.getByRole('listitem').filter({ hasText: 'Samir Larsen' })).toContainText('Declined by Samir Larsen');

  // A clash with the talent's own confirmed chat is marked in the time picker (item 7):
  // Olga Garcia meets Tom at 09:30 (first test); Daniel invites her with 09:30 and 11:00 free.
  const daniel = await openAs(browser, baseURL, 'Daniel Keller');
  await trackLiveConnections(daniel);
  await daniel.goto(MANAGE_CHATS_URL);
  const day = daniel.getByRole('region', { name: `Availability on ${dayTwoLabel()}` });
  await dayTwoSlot(daniel, '09:30').click();
  await dayTwoSlot(daniel, '11:00').click();
  await day.getByRole('button', { name: `Save ${dayTwoLabel()}` }).click();
  await expect(day.getByText('Availability saved.')).toBeVisible();
  await invite(daniel, 'Olga Garcia', 'Would you like to hear about our campus programme?');
  await daniel.context().close();
  await signInAs(page, 'Olga Garcia');
  await page.goto(CHATS_URL);
  const invitation = myChatWith(page, 'Daniel Keller');
  const picker = invitation.getByLabel('Pick a time');
  await expect(picker.getByRole('option', { name: `${slotOption('09:30')} — you have a chat with Tom Bakker then` })).toBeDisabled();
  await expect(picker.getByRole('option', { name: slotOption('11:00'), exact: true })).toBeEnabled();
  await tom.context().close();
});

test('a company admin requests a chat for a colleague: the colleague’s slots are shown and edited inside the form, and the typed message stays', async ({ page }) => {
  await signInAs(page, 'Nora Visser');
  await trackLiveConnections(page);
  await page.goto(TALENTS_URL);
  await page.getByRole('search', { name: 'Filter talents' }).getByLabel('Search').fill('Viktor Costa');
  await page.getByRole('button', { name: 'Show talents' }).click();
  await expect(page).toHaveURL(/q=Viktor/);
  await waitForLiveTopic(page, 'team:');
  const item = page.getByRole('region', { name: 'Talents' }).getByRole('listitem').filter({ hasText: 'Viktor Costa' });
  await item.getByRole('button', { name: 'Request 1-1 chat with Viktor Costa', exact: true }).click();
  await expect(item.getByLabel('For')).toBeFocused();
  await item.getByLabel('For').selectOption({ label: 'Tom Bakker' });
  const message = 'Tom would like to talk about our analytics team.';
  await item.getByLabel('Message').fill(message);
  // Tom's slots, not the sender's (item 4).
  const times = item.getByRole('group', { name: 'Tom Bakker’s free slots' });
  await expect(times).toContainText(dayTwoAt('09:00'));
  await expect(times).not.toContainText(dayTwoAt('12:00'));
  await times.getByRole('button', { name: 'Edit Tom Bakker’s slots' }).click();
  const day = times.getByRole('region', { name: `Availability on ${dayTwoLabel()}` });
  await day.getByRole('group', { name: `Slots on ${dayTwoLabel()}` }).getByRole('button', { name: /^12:00/ }).click();
  await day.getByRole('button', { name: `Save ${dayTwoLabel()}` }).click();
  await expect(day.getByText('Availability saved.')).toBeVisible();
  await expect(times).toContainText(dayTwoAt('12:00'));
  // Still on the same page, with the message as typed.
  await expect(page).toHaveURL(/\/chats\/talents\?q=Viktor/);
  await expect(item.getByLabel('Message')).toHaveValue(message);
  await item.getByRole('button', { name: 'Send request' }).click();
  await expect(item.getByText('Request sent to Viktor Costa for Tom Bakker.')).toBeVisible();
  await expect(item.getByRole('link', { name: 'Continue to time selection' })).toHaveCount(0);
});

test('recruiter inbox tabs follow the ARIA tabs pattern', async ({ page }) => {
  await signInAs(page, 'Tom Bakker');
  await page.goto(MANAGE_CHATS_URL);
  const requests = inboxTab(page, 'Requests');
  await requests.focus();
  await page.keyboard.press('ArrowRight');
  const scheduling = inboxTab(page, 'In Scheduling');
  await expect(scheduling).toBeFocused();
  await expect(scheduling).toHaveAttribute('aria-selected', 'true');
  await expect(requests).toHaveAttribute('tabindex', '-1');
  const panelId = await scheduling.getAttribute('aria-controls');
  await expect(page.locator(`#${panelId}`)).toHaveAttribute('role', 'tabpanel');
  await page.keyboard.press('End');
  await expect(inboxTab(page, 'Cancelled')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(requests).toBeFocused();
});

test('at 375 px the talent page shows its two columns as tabs, with nothing sticking out', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await signInAs(page, 'Olga Garcia');
  await page.goto(CHATS_URL);
  const tabs = page.getByRole('tablist', { name: 'My 1-1 Chats' });
  await expect(tabs).toBeVisible();
  await expect(page.getByRole('region', { name: 'Requests' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Confirmed chats' })).toBeHidden();
  await tabs.getByRole('tab', { name: /^Confirmed/ }).click();
  await expect(confirmedChatWith(page, 'Tom Bakker')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Requests' })).toBeHidden();
  expect((await horizontalOverflow(page)).widest).toEqual([]);
  await page.screenshot({ path: 'test-results/ux-talent-375.png', fullPage: true });

  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(tabs).toBeHidden();
  await expect(page.getByRole('region', { name: 'Requests' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Confirmed chats' })).toBeVisible();
  await page.screenshot({ path: 'test-results/ux-talent-1280.png', fullPage: true });
});

/** Landmarks of one role that share a name (or have none, when repeated): a screen reader's list of them cannot tell them apart. */
async function ambiguousLandmarks(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const roleOf = (el: Element) => el.getAttribute('role') ?? ({ NAV: 'navigation', ASIDE: 'complementary', SECTION: 'region', FORM: 'form', MAIN: 'main', HEADER: 'banner' } as Record<string, string>)[el.tagName] ?? '';
    const nameOf = (el: Element) => el.getAttribute('aria-label') ?? (el.getAttribute('aria-labelledby') ? document.getElementById(el.getAttribute('aria-labelledby')!)?.textContent ?? '' : '');
    const seen = new Map<string, number>();
    for (const el of document.querySelectorAll('nav, aside, section, form, main, [role="search"], [role="region"], [role="navigation"], [role="complementary"]')) {
      const role = roleOf(el);
      const name = nameOf(el);
      // Unnamed sections and forms are not landmarks at all.
      if ((role === 'region' || role === 'form') && !name) continue;
      if ((el as HTMLElement).offsetParent === null && getComputedStyle(el).position !== 'fixed') continue;
      const key = `${role}: ${name}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    return [...seen].filter(([, n]) => n > 1).map(([k, n]) => `${k} ×${n}`);
  });
}

test('every landmark a page repeats has its own name; the demo sign-in buttons are named by their visible text', async ({ page }) => {
  await page.goto('/signin');
  await expect(page.getByRole('button', { name: 'Sign in as Nora Visser, Northwind Analytics', exact: true })).toBeVisible();
  expect(await ambiguousLandmarks(page)).toEqual([]);
  await signInAs(page, 'Tom Bakker');
  for (const url of [`/events/${DEMO_FAIR.slug}`, MANAGE_CHATS_URL, TALENTS_URL, `/events/${DEMO_FAIR.slug}/chats/team`, `/events/${DEMO_FAIR.slug}/chats/all`]) {
    await page.goto(url);
    expect({ url, ambiguous: await ambiguousLandmarks(page) }).toEqual({ url, ambiguous: [] });
  }
  await signInAs(page, 'Olga Garcia');
  await page.goto(CHATS_URL);
  expect(await ambiguousLandmarks(page)).toEqual([]);
});

test('team overview shows each colleague’s slots as a day view, booked ones named (item 17)', async ({ page }) => {
  await signInAs(page, 'Nora Visser');
  await page.goto(`/events/${DEMO_FAIR.slug}/chats/team`);
  const tom = page.getByRole('group', { name: 'Slots of Tom Bakker' });
  await expect(tom).toContainText(dayTwoLabel());
  await expect(tom.getByRole('listitem').filter({ hasText: '09:30' })).toContainText('booked by Olga Garcia');
  await expect(tom.getByRole('listitem').filter({ hasText: '09:00' })).toContainText('free');
});

test('every page: content clear of the header, a favicon, and at 375 px a one-line header (item 18)', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await signInAs(page, 'Olga Garcia');
  await page.goto(`/events/${DEMO_FAIR.slug}`);
  const header = page.getByRole('banner');
  const main = page.getByRole('main');
  const [h, m] = [await header.boundingBox(), await main.boundingBox()];
  expect(h!.height).toBeLessThan(70); // one line, not wrapped
  const paddingTop = await main.evaluate((el) => parseFloat(getComputedStyle(el).paddingTop));
  expect(paddingTop).toBeGreaterThanOrEqual(16);
  expect(m!.y).toBeGreaterThanOrEqual(h!.y + h!.height - 1);
  // The event tabs wrap instead of running off the side.
  expect((await horizontalOverflow(page)).widest).toEqual([]);
  const icon = await page.locator('link[rel="icon"]').first().getAttribute('href');
  expect(icon).toBeTruthy();
  const res = await page.request.get(icon!);
  expect(res.status()).toBe(200);
  await page.screenshot({ path: 'test-results/ux-lobby-375.png' });
});
