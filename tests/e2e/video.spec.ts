import { expect, test } from '@playwright/test';
import { collectCspViolations, DEMO, openAs, signInAs, trackLiveConnections, waitForLiveTopic } from '../helpers/e2e';
import { LIVEKIT } from '../helpers/e2e-livekit';
import { bookVideoChat, nextVideoSlot, openForVideo, prepareVideoDay } from '../helpers/e2e-video';

// The way into a call and what happens around it; these walks never need media (the real-media
// walks are in video-livekit.spec.ts). The app points at the rig's LiveKit server (scripts/e2e-server.mjs).
const NO_VIDEO_URL = `http://localhost:${Number(process.env.E2E_PORT ?? 3310) + 1}`; // playwright.config.ts: the same build without LiveKit

test('talent and recruiter reach the same call at its time; strangers are refused; messages persist; an unreachable server is explained', async ({ page, browser, baseURL }) => {
  const slot = nextVideoSlot();
  // The pages' CSP must let the call work: camera preview, WebSocket to LiveKit, workers.
  const blocked = collectCspViolations(page);
  await signInAs(page, DEMO.organizer);
  await prepareVideoDay(page, slot, 60);

  const recruiter = await openAs(browser, baseURL, 'Felix Braun');
  const blockedForRecruiter = collectCspViolations(recruiter);
  await trackLiveConnections(recruiter);
  await openForVideo(recruiter, slot);
  await signInAs(page, 'Luca Okafor');
  const callUrl = await bookVideoChat(page, 'Felix Braun', slot.option);

  // The talent's call page: who is in it, and the pre-join screen with camera and microphone.
  await page.goto(callUrl);
  await expect(page.getByRole('heading', { level: 1, name: /^1-1 chat with Felix Braun · / })).toBeVisible();
  await expect(page.getByRole('list', { name: 'In this chat' })).toContainText('Luca Okafor');
  const prejoin = page.getByRole('region', { name: 'Check your camera and microphone' });
  await expect(prejoin.getByRole('button', { name: 'Join call' })).toBeVisible();
  await expect(prejoin.locator('video')).toBeVisible();

  // The recruiter gets there from the Confirmed tab of their inbox.
  await recruiter.goto('/events/demo-fair/chats/manage');
  await recruiter.getByRole('tablist', { name: '1-1 chat requests' }).getByRole('tab', { name: /^Confirmed/ }).click();
  await recruiter.getByRole('tabpanel').getByRole('listitem').filter({ hasText: 'Luca Okafor' }).getByRole('link', { name: 'Join', exact: true }).click();
  await expect(recruiter).toHaveURL(callUrl);
  await expect(recruiter.getByRole('heading', { level: 1, name: '1-1 chat with Luca Okafor' })).toBeVisible();
  await expect(recruiter.getByRole('region', { name: 'Check your camera and microphone' }).getByRole('button', { name: 'Join call' })).toBeVisible();

  // Chat messages are stored with the chat: they arrive live and survive a reload.
  await waitForLiveTopic(recruiter, 'chat:');
  const panel = page.getByRole('complementary', { name: 'Chat' });
  await expect(panel.getByText('No messages yet.', { exact: false })).toBeVisible();
  await panel.getByLabel('Message').fill('Hello Felix, looking forward to it!');
  await panel.getByLabel('Message').press('Enter');
  await expect(panel.getByText('Hello Felix, looking forward to it!')).toBeVisible();
  await expect(recruiter.getByRole('complementary', { name: 'Chat' }).getByText('Hello Felix, looking forward to it!')).toBeVisible();
  await recruiter.reload();
  await expect(recruiter.getByRole('complementary', { name: 'Chat' }).getByText('Hello Felix, looking forward to it!')).toBeVisible();

  // A stranger gets neither the page nor a token.
  const stranger = await openAs(browser, baseURL, 'Mia Nowak');
  await stranger.goto(callUrl);
  await expect(stranger.getByRole('heading', { name: "You don't have access to this page" })).toBeVisible();
  await expect(stranger.getByText('Only the talent, the recruiter and colleagues added to this 1-1 chat can join its call.')).toBeVisible();
  const chatId = callUrl.split('/')[4]!;
  const refused = await stranger.request.post('/api/livekit/token', { data: { chatId } });
  // The token route learns nothing about a chat to someone outside it (the registry hides it).
  expect(refused.status()).toBe(404);
  expect((await refused.json()).error.message).toBe('This 1-1 chat does not exist.');
  const allowed = await page.request.post('/api/livekit/token', { data: { chatId } });
  expect(allowed.status()).toBe(200);
  expect(await allowed.json()).toMatchObject({ ok: true, roomName: `chat-${chatId}`, role: 'talent', participantName: 'Luca Okafor' });
  await stranger.context().close();

  // Joining while the video server cannot be reached from this browser (its connections are cut
  // here, whether or not the rig's server runs): the page says so instead of staying blank.
  await page.routeWebSocket(new RegExp(`^ws://127\\.0\\.0\\.1:${LIVEKIT.signal}/`), (ws) => ws.close());
  await page.route(`http://127.0.0.1:${LIVEKIT.signal}/**`, (route) => route.abort('connectionrefused'));
  await prejoin.getByRole('button', { name: 'Join call' }).click();
  await expect(page.getByRole('alert').filter({ hasText: `Could not reach the video server (${LIVEKIT.url})` })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
  // The attempt reached the network: no CSP refused the WebSocket (or anything else on the way).
  expect(blocked).toEqual([]);
  expect(blockedForRecruiter).toEqual([]);
  await recruiter.context().close();
});

test.describe('an installation without LiveKit', () => {
  test.use({ baseURL: NO_VIDEO_URL });

  test('the call page says what to configure; the rest works', async ({ page, browser }) => {
    const slot = nextVideoSlot();
    if (slot.dayTwo) {
      const organizer = await openAs(browser, NO_VIDEO_URL, DEMO.organizer);
      await prepareVideoDay(organizer, slot);
      await organizer.context().close();
    }
    const recruiter = await openAs(browser, NO_VIDEO_URL, 'Hannah Jansen');
    await openForVideo(recruiter, slot);
    await recruiter.context().close();
    await signInAs(page, 'Noah Lindqvist');
    // Join stays hidden until 5 minutes before (the default), but the call page can be opened.
    await page.goto('/events/demo-fair/chats');
    await page.getByRole('button', { name: 'Book 1-1 chat with Hannah Jansen', exact: true }).click();
    const entry = page.getByRole('region', { name: 'Open for 1-1 chats' }).getByRole('listitem').filter({ hasText: 'Hannah Jansen' });
    await entry.getByLabel('Time', { exact: true }).selectOption({ label: slot.option });
    await entry.getByRole('button', { name: 'Confirm booking' }).click();
    const chat = page.getByRole('region', { name: 'My 1-1 Chats' }).getByRole('listitem').filter({ hasText: 'Hannah Jansen' });
    await chat.getByRole('link', { name: /^(Join|Call page)$/ }).click();
    // The talent reads what it means and whom to contact, not the administrator's variables.
    await expect(page.getByText('Video calls are not available.')).toBeVisible();
    await expect(page.getByText(/Please contact the event organizer/)).toBeVisible();
    await expect(page.getByText(/LIVEKIT_/)).toHaveCount(0);
    await expect(page.getByRole('complementary', { name: 'Chat' })).toBeVisible();
    const res = await page.request.post('/api/livekit/token', { data: { chatId: page.url().split('/')[6] } });
    expect(res.status()).toBe(503);

    // The organizer is told what to configure, where they manage the event's chats.
    const organizer = await openAs(browser, NO_VIDEO_URL, DEMO.organizer);
    await organizer.goto('/events/demo-fair/manage/chats');
    await expect(organizer.getByText('Video is not configured.')).toBeVisible();
    await expect(organizer.getByText(/LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET/)).toBeVisible();
    await organizer.context().close();
  });
});
