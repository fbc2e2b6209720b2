import { expect, test, type Page } from '@playwright/test';
import { RoomServiceClient } from 'livekit-server-sdk';
import { serverApiUrl } from '@/lib/video/close-room';
import { CHROMIUM_ARGS, REAL_MEDIA_ARGS } from '../helpers/chromium';
import { DEMO, openAs, signInAs, trackLiveConnections, unique, waitForLiveTopic } from '../helpers/e2e';
import { LIVEKIT, LIVEKIT_CONFIG, MEDIA_MS, expectPlaying, livekitMissing, remoteTile } from '../helpers/e2e-livekit';
import { createSessionAsOrganizer, enterRoom, expectInRoom, PROGRAMME_URL, SESSION_PEOPLE, sessionCard, sessionRunningNow } from '../helpers/e2e-sessions';

// Real media: the rig's LiveKit server on loopback, Chromium with its fake camera and microphone.
test.skip(!!livekitMissing(), livekitMissing() ?? '');
test.use({ launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...REAL_MEDIA_ARGS] } });
test.describe.configure({ timeout: 240_000 });

const rooms = () => new RoomServiceClient(serverApiUrl(LIVEKIT.url), LIVEKIT_CONFIG.apiKey, LIVEKIT_CONFIG.apiSecret);

/** What the LiveKit server itself lets a participant of the session's room publish. */
async function mayPublish(sessionId: string, identity: string): Promise<boolean | undefined> {
  const list = await rooms().listParticipants(`session-${sessionId}`);
  return list.find((p) => p.identity === identity)?.permission?.canPublish;
}

test('a session on the real server: waitlist, audience sees the host, a talent comes on screen and back, a pending request is withdrawn, votes reorder live, chat is live and kept, a reload keeps the stage', async ({ page, browser, baseURL }) => {
  const title = `Stage walk ${unique()}`;
  const when = sessionRunningNow();
  await signInAs(page, DEMO.organizer);
  await createSessionAsOrganizer(page, { title, capacity: '1', signUp: true, date: when.date, start: when.start, end: when.end, company: 'Northwind Analytics', stageLimit: '2' });

  // Sign-up: A gets the one seat, B the waitlist; a second seat moves B up.
  const a = await openAs(browser, baseURL, SESSION_PEOPLE.talentA);
  const b = await openAs(browser, baseURL, SESSION_PEOPLE.talentB);
  await a.goto(`${PROGRAMME_URL}?q=${encodeURIComponent(title)}`);
  await sessionCard(a, title).getByRole('button', { name: `Sign up: ${title}` }).click();
  await expect(sessionCard(a, title).getByText('You have a seat.')).toBeVisible();
  await b.goto(`${PROGRAMME_URL}?q=${encodeURIComponent(title)}`);
  await sessionCard(b, title).getByRole('button', { name: `Join the waitlist: ${title}` }).click();
  await expect(sessionCard(b, title).getByText('You are on the waitlist — position 1.')).toBeVisible();
  await expect(sessionCard(b, title).getByRole('link', { name: 'Enter' })).toHaveCount(0);
  await page.goto('/events/demo-fair/manage/sessions');
  const managed = sessionCard(page, title);
  await managed.locator('summary', { hasText: 'Edit' }).click();
  await managed.getByLabel('Capacity').fill('2');
  await managed.getByRole('button', { name: 'Save session' }).click();
  await expect(managed.getByText('Session saved.')).toBeVisible();

  // The host starts; both talents enter as audience and see the host's camera.
  const host = await openAs(browser, baseURL, SESSION_PEOPLE.host);
  for (const p of [host, a, b]) await trackLiveConnections(p);
  const sessionId = await enterRoom(host, title);
  await enterRoom(a, title);
  await enterRoom(b, title);
  await expectPlaying(remoteTile(a, SESSION_PEOPLE.host).locator('video'));
  await expectPlaying(remoteTile(b, SESSION_PEOPLE.host).locator('video'));
  // Audience: the server itself refuses publishing.
  await expect.poll(() => mayPublish(sessionId, 'demo-talent-07')).toBe(false);
  await expect.poll(() => mayPublish(sessionId, 'demo-recruiter-1-1')).toBe(true);
  await waitForLiveTopic(host, `session:${sessionId}`);

  // A asks to come on screen with a preview; the host sees the request and accepts.
  await a.getByRole('button', { name: 'Request to join with Mic & Camera' }).first().click();
  await a.getByRole('region', { name: 'Preview your camera and microphone' }).getByRole('button', { name: 'Send request' }).click();
  await expect(a.getByText('Your request is waiting for a host.').first()).toBeVisible();
  const requests = host.getByRole('region', { name: 'Requests to join' });
  await expect(requests.getByLabel('1 pending')).toBeVisible();
  await requests.getByRole('listitem', { name: `Request from ${SESSION_PEOPLE.talentA}` }).getByRole('button', { name: 'Accept' }).click();
  await expect(a.getByText(/You are on screen in \d/).first()).toBeVisible();
  // After the 5-second countdown the host sees A's camera; the server lets A publish.
  await expectPlaying(remoteTile(host, SESSION_PEOPLE.talentA).locator('video'));
  await expect.poll(() => mayPublish(sessionId, 'demo-talent-07')).toBe(true);
  await expect(a.getByRole('region', { name: 'Stage' }).getByRole('button', { name: '✌️ Deactivate Mic & Camera' })).toBeVisible();

  // B asks, then withdraws while pending: the host's list empties.
  await b.getByRole('button', { name: 'Request to join with Mic & Camera' }).first().click();
  await b.getByRole('region', { name: 'Preview your camera and microphone' }).getByRole('button', { name: 'Send request' }).click();
  await expect(requests.getByRole('listitem', { name: `Request from ${SESSION_PEOPLE.talentB}` })).toBeVisible();
  await b.getByRole('button', { name: 'Withdraw request' }).first().click();
  await expect(requests.getByRole('listitem', { name: `Request from ${SESSION_PEOPLE.talentB}` })).toHaveCount(0);
  await expect(requests.getByLabel('0 pending')).toBeVisible();

  // Q&A: two questions; the host's vote moves the second to the top for everyone, live (enterRoom
  // waited until each page follows the Q&A's topic).
  const ask = async (p: Page, text: string) => {
    await p.getByLabel('Your question').fill(text);
    await p.getByRole('button', { name: 'Ask', exact: true }).click();
    await expect(p.getByRole('listitem', { name: text })).toBeVisible();
  };
  await ask(a, 'Do you hire juniors?');
  await ask(b, 'Is the team remote?');
  const order = (p: Page) => p.getByRole('list', { name: 'Questions' }).getByRole('listitem').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  await expect.poll(() => order(a)).toEqual(['Do you hire juniors?', 'Is the team remote?']);
  await host.getByRole('button', { name: /^Vote for “Is the team remote\?”/ }).click();
  await expect.poll(() => order(a)).toEqual(['Is the team remote?', 'Do you hire juniors?']);
  await expect.poll(() => order(b)).toEqual(['Is the team remote?', 'Do you hire juniors?']);
  // The vote toggles off again.
  await host.getByRole('button', { name: /^Remove my vote for “Is the team remote\?”/ }).click();
  await expect.poll(() => order(b)).toEqual(['Do you hire juniors?', 'Is the team remote?']);

  // Chat: live for everyone in the room; a host hides a message from the room.
  for (const p of [a, b, host]) await p.getByRole('tab', { name: 'Chat' }).click();
  for (const p of [a, b]) await waitForLiveTopic(p, `thread:session:${sessionId}`);
  await a.getByLabel('Message', { exact: true }).fill('Hello from Greta');
  await a.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(b.getByRole('list', { name: 'Messages' }).getByRole('listitem', { name: 'Hello from Greta' })).toBeVisible();
  await b.getByLabel('Message', { exact: true }).fill('Spam spam spam');
  await b.getByRole('button', { name: 'Send', exact: true }).click();
  await host.getByRole('button', { name: 'Hide message “Spam spam spam”' }).click();
  await expect(a.getByRole('listitem', { name: 'Spam spam spam' })).toHaveCount(0);

  // A reload keeps A on stage: the new token carries the stage state from PostgreSQL; the chat is still there.
  await a.reload();
  await expectInRoom(a);
  await expect(a.getByRole('region', { name: 'Stage' }).getByRole('button', { name: '✌️ Deactivate Mic & Camera' })).toBeVisible({ timeout: 20_000 });
  await a.getByRole('tab', { name: 'Chat' }).click();
  await expect(a.getByRole('listitem', { name: 'Hello from Greta' })).toBeVisible();
  await expect(a.getByRole('listitem', { name: 'Spam spam spam' })).toHaveCount(0);
  await expectPlaying(remoteTile(host, SESSION_PEOPLE.talentA).locator('video'));

  // A deactivates: back in the audience, the track disappears, the server refuses publishing again.
  await a.getByRole('region', { name: 'Stage' }).getByRole('button', { name: '✌️ Deactivate Mic & Camera' }).click();
  await expect(remoteTile(host, SESSION_PEOPLE.talentA)).toHaveCount(0, { timeout: MEDIA_MS });
  await expect.poll(() => mayPublish(sessionId, 'demo-talent-07')).toBe(false);
  await expect(a.getByRole('button', { name: 'Request to join with Mic & Camera' }).first()).toBeVisible();

  for (const p of [host, a, b]) await p.context().close();
});
