import { expect, test, type Page } from '@playwright/test';
import { DEMO, DEMO_FAIR, openAs, trackLiveConnections, unique, waitForLiveTopic } from '../helpers/e2e';

const P1 = 'Greta Moreau';
const P2 = 'Hugo Larsen';
const P3 = 'Ines Fischer';

async function createDesk(page: Page, name: string) {
  await page.goto(`/events/${DEMO_FAIR.slug}/desks/setup`);
  const form = page.getByRole('form', { name: 'New chat desk' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Welcome message').fill(`Welcome to ${name}!`);
  await form.getByLabel(/^Opens/).fill('00:00');
  await form.getByLabel(/^Closes/).fill('23:59');
  await form.getByLabel('Open conversations per moderator').fill('1');
  await form.getByLabel('Participants and moderators may share files').check();
  await form.getByRole('checkbox', { name: new RegExp(DEMO.moderator) }).check();
  await form.getByRole('checkbox', { name: new RegExp(DEMO.organizer) }).check();
  await form.getByRole('button', { name: 'Create desk' }).click();
  await expect(page.getByText('Desk created.')).toBeVisible();
}

async function board(page: Page) {
  await trackLiveConnections(page);
  await page.goto(`/events/${DEMO_FAIR.slug}/desks/all`);
  await waitForLiveTopic(page, 'desk:');
}

async function enter(page: Page, desk: string) {
  await page.goto(`/events/${DEMO_FAIR.slug}/desks`);
  // The tab and the page say the same: it lists desks and sessions.
  await expect(page.getByRole('navigation', { name: 'Event' }).getByRole('link', { name: 'Desks & sessions' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { name: 'Desks & sessions' })).toBeVisible();
  await page.getByRole('link', { name: desk }).click();
  await expect(page.getByTestId('welcome')).toHaveText(`Welcome to ${desk}!`);
  await page.getByRole('button', { name: 'Start a conversation' }).click();
}

// The smallest file file-type recognises as a PDF.
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

const item = (page: Page, who: string) => page.getByRole('button', { name: new RegExp(who) });

test('chat desk: queue, live admission, messages, typing, PDF share, flag, assign, tags, confidential, hard close, re-open, bell and presence', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const desk = `Visa questions ${unique()}`;
  const olivia = await openAs(browser, baseURL, DEMO.organizer);
  await createDesk(olivia, desk);
  const max = await openAs(browser, baseURL, DEMO.moderator);
  await board(max);
  await board(olivia);
  await expect(max.getByTestId('bell')).toHaveAttribute('data-rang', '0');

  const [p1, p2, p3] = [await openAs(browser, baseURL, P1), await openAs(browser, baseURL, P2), await openAs(browser, baseURL, P3)];
  await enter(p1, desk);
  await expect(p1.getByTestId('admitted')).toBeVisible();
  // The bell rang on the moderators' screens, and the new conversation is highlighted.
  await expect(max.getByTestId('bell')).not.toHaveAttribute('data-rang', '0');
  await enter(p2, desk);
  await expect(p2.getByTestId('admitted')).toBeVisible();
  await trackLiveConnections(p3);
  await enter(p3, desk);
  await expect(p3.getByTestId('queue-position')).toHaveText('You are number 1 in the queue.');
  await expect(p3.getByTestId('queue-wait')).toContainText('Estimated wait: about');
  await expect(max.getByTestId(`desk-${desk}`).getByTestId('waiting')).toHaveText('Waiting participants (1)');

  // Max's own conversation: presence is green while the participant has it open.
  const mine = (await max.getByTestId(`desk-${desk}`).getByRole('button').filter({ has: max.locator(`span[title="Assigned to ${DEMO.moderator}"]`) }).first().textContent())!;
  const maxsParticipant = mine.includes(P1) ? P1 : P2;
  const oliviasParticipant = maxsParticipant === P1 ? P2 : P1;
  await expect(item(max, maxsParticipant)).toHaveAttribute('data-news', 'true');
  await item(max, maxsParticipant).click();
  await expect(max.getByTestId('conversation-header')).toContainText(maxsParticipant);
  await expect(max.getByTestId('presence')).toHaveAttribute('data-present', 'true');
  await expect(item(max, maxsParticipant)).toHaveAttribute('data-news', 'false');

  // Messages both ways, "is typing", a shared PDF (type checked by content), a flagged message.
  const mp = maxsParticipant === P1 ? p1 : p2;
  await mp.getByLabel('Message', { exact: true }).fill('Hello, my number is +49 170 1234567');
  await mp.getByRole('button', { name: 'Send' }).click();
  await expect(max.getByTestId('message').filter({ hasText: '+49 170 1234567' })).toBeVisible();
  await max.getByLabel('Message', { exact: true }).pressSequentially('Send me your CV');
  await expect(mp.getByTestId('typing')).toHaveText(`${DEMO.moderator} is typing…`);
  await max.getByRole('button', { name: 'Send' }).click();
  await expect(mp.getByTestId('message').filter({ hasText: 'Send me your CV' })).toBeVisible();
  await mp.getByLabel('Share a file').setInputFiles({ name: 'notes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('just text, not a PDF') });
  await expect(mp.getByRole('alert').filter({ hasText: 'Share an image' })).toBeVisible();
  await mp.getByLabel('Share a file').setInputFiles({ name: 'cv.pdf', mimeType: 'application/pdf', buffer: PDF });
  const shared = max.getByRole('link', { name: /Shared file/ });
  await expect(shared).toBeVisible();
  const [download] = await Promise.all([max.waitForEvent('download'), shared.click()]);
  expect(download.suggestedFilename()).toBe('cv.pdf');
  const personal = max.getByTestId('message').filter({ hasText: '+49 170 1234567' });
  await personal.hover();
  await personal.getByRole('button', { name: 'Flag personal data' }).click();
  await expect(personal).toContainText('flagged as personal data');

  // Closing below the limit admits the third participant live.
  await max.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(p3.getByTestId('admitted')).toContainText(DEMO.moderator);
  const leaving = maxsParticipant === P1 ? p1 : p2;
  await expect(leaving.getByText('This conversation is closed. Write again to re-open it.')).toBeVisible();

  // Olivia closes hers too, then takes over Max's conversation with the third participant.
  await item(olivia, oliviasParticipant).click();
  await olivia.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(item(olivia, oliviasParticipant)).toHaveCount(0);
  await item(olivia, P3).click();
  await olivia.getByRole('button', { name: 'Assign to me' }).click();
  await expect(max.getByRole('button', { name: new RegExp(P3) }).locator('span[title^="Assigned to"]')).toHaveText('OO');

  // Tags with suggestions from the desk's earlier tags.
  await olivia.getByLabel('Tag', { exact: true }).fill('Visa');
  await olivia.getByRole('button', { name: 'Add tag' }).click();
  await expect(olivia.getByLabel('Tags')).toContainText('Visa');
  await olivia.getByLabel('Tag', { exact: true }).fill('Vi');
  await expect(olivia.getByTestId('tag-suggestions').locator('option[value="Visa"]')).toHaveCount(0); // already on this one
  await olivia.getByLabel('Tag', { exact: true }).fill('Work permit');
  await olivia.getByRole('button', { name: 'Add tag' }).click();
  await olivia.getByRole('button', { name: 'Remove tag Visa' }).click();
  await olivia.getByLabel('Tag', { exact: true }).fill('Vi');
  await expect(olivia.getByTestId('tag-suggestions').locator('option[value="Visa"]')).toHaveCount(1);

  // Confidential: the other moderator loses sight of it.
  await olivia.getByRole('button', { name: 'Confidential' }).click();
  await expect(olivia.getByTestId('conversation-header')).toContainText('Confidential: only you see it');
  await expect(item(max, P3)).toHaveCount(0);

  // Hard close: the participant is put out and queues again when they come back.
  olivia.once('dialog', (d) => void d.accept());
  await olivia.getByRole('button', { name: 'Hard close' }).click();
  await expect(p3.getByText('The desk ended this conversation.')).toBeVisible();
  await p3.getByRole('button', { name: 'Join the queue again' }).click();
  await expect(p3.getByTestId('admitted')).toBeVisible();
  // Both moderators are free: the least busy, then the first by id (Max) gets the returning participant.
  await expect(item(max, P3)).toBeVisible();

  // Presence turns grey when the participant closes the page.
  await item(max, P3).click();
  await expect(max.getByTestId('presence')).toHaveAttribute('data-present', 'true');
  await p3.close({ runBeforeUnload: true });
  await expect(max.getByTestId('presence')).toHaveAttribute('data-present', 'false');

  // A closed conversation re-opens when the participant writes again (Olivia has a free place).
  await leaving.getByLabel('Message', { exact: true }).fill('One more question, please');
  await leaving.getByRole('button', { name: 'Send' }).click();
  await expect(leaving.getByTestId('admitted')).toContainText(DEMO.organizer);
  await expect(item(olivia, maxsParticipant)).toBeVisible();
});
