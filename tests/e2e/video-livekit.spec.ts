import { expect, test, type Page } from '@playwright/test';
import { RoomServiceClient, TrackSource } from 'livekit-server-sdk';
import { serverApiUrl } from '@/lib/video/close-room';
import { setPublishSources } from '@/lib/video/participant-permissions';
import { CHROMIUM_ARGS, REAL_MEDIA_ARGS } from '../helpers/chromium';
import { DEMO, openAs, signInAs, unique } from '../helpers/e2e';
import { LIVEKIT, LIVEKIT_CONFIG, endChatNow, endingChatsMissing, expectPlaying, livekitMissing, mintToken, openSdkPage, remoteTile } from '../helpers/e2e-livekit';
import { bookVideoChat, nextVideoSlot, openForVideo, prepareVideoDay } from '../helpers/e2e-video';

// Real media: the rig's LiveKit server (scripts/livekit-server.mjs) on loopback, Chromium with its
// fake camera (320×240) and microphone. Webhooks come from that server to the app under test.
test.skip(!!livekitMissing(), livekitMissing() ?? '');
test.use({ launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...REAL_MEDIA_ARGS] } });
test.describe.configure({ timeout: 180_000 });

const ATTENDANCE_URL = '/events/demo-fair/manage/chats';
const rooms = () => new RoomServiceClient(serverApiUrl(LIVEKIT.url), LIVEKIT_CONFIG.apiKey, LIVEKIT_CONFIG.apiSecret);

/** From the call page's pre-join screen into the call. */
async function joinCall(page: Page, callUrl: string): Promise<void> {
  if (!page.url().endsWith(callUrl)) await page.goto(callUrl);
  await page.getByRole('region', { name: 'Check your camera and microphone' }).getByRole('button', { name: 'Join call' }).click();
  await expect(page.getByRole('button', { name: 'Leave' })).toBeVisible({ timeout: 20_000 });
}

/** A recruiter opens the next slot and a talent books it; returns the call page and the chat id. */
async function bookedChat(page: Page, recruiterName: string, talentName: string) {
  const slot = nextVideoSlot();
  await signInAs(page, DEMO.organizer);
  await prepareVideoDay(page, slot, 60);
  const recruiter = await openAs(page.context().browser()!, test.info().project.use.baseURL, recruiterName);
  await openForVideo(recruiter, slot);
  await signInAs(page, talentName);
  const callUrl = await bookVideoChat(page, recruiterName, slot.option);
  return { recruiter, callUrl, chatId: callUrl.split('/')[4]! };
}

/** The organizer's attendance entry of a talent's chat, reloaded until it says `text`. */
async function expectAttendance(organizer: Page, talentName: string, check: (item: ReturnType<Page['getByRole']>) => Promise<void>) {
  await expect(async () => {
    await organizer.goto(ATTENDANCE_URL);
    await check(organizer.getByRole('listitem').filter({ has: organizer.getByRole('region', { name: 'Talent' }).filter({ hasText: talentName }) }));
  }).toPass({ timeout: 30_000 });
}

test('1-1 call on the real server: both see each other, mute and screen share are seen, a colleague joins and leaves; webhooks record attendance and complete the chat', async ({ page, browser, baseURL }) => {
  const { recruiter, callUrl, chatId } = await bookedChat(page, 'Hannah Jansen', 'Olga Garcia');
  await joinCall(page, callUrl);
  await joinCall(recruiter, callUrl);

  // Each sees the other's camera playing, under the other's name.
  await expectPlaying(remoteTile(page, 'Hannah Jansen').locator('video'));
  await expectPlaying(remoteTile(recruiter, 'Olga Garcia').locator('video'));

  // The server's participant_joined webhooks: the organizer sees both in the call.
  const organizer = await openAs(browser, baseURL, DEMO.organizer);
  await expectAttendance(organizer, 'Olga Garcia', async (item) => {
    await expect(item.getByRole('region', { name: 'Talent' }).getByText('In the call')).toBeVisible({ timeout: 1_000 });
    await expect(item.getByRole('region', { name: 'Recruiter side' }).getByText('In the call')).toBeVisible({ timeout: 1_000 });
  });

  // Microphone and camera off and on again: the other side sees it.
  const olgaOnRecruiter = remoteTile(recruiter, 'Olga Garcia');
  await page.getByRole('button', { name: 'Microphone', exact: true }).click();
  await expect(olgaOnRecruiter.locator('.lk-track-muted-indicator-microphone')).toBeVisible();
  await page.getByRole('button', { name: 'Microphone', exact: true }).click();
  await expect(olgaOnRecruiter.locator('.lk-track-muted-indicator-microphone')).toHaveCount(0);
  await page.getByRole('button', { name: 'Camera', exact: true }).click();
  await expect(olgaOnRecruiter).toHaveAttribute('data-lk-video-muted', 'true');
  await page.getByRole('button', { name: 'Camera', exact: true }).click();
  await expect(olgaOnRecruiter).toHaveAttribute('data-lk-video-muted', 'false');
  await expectPlaying(olgaOnRecruiter.locator('video'));

  // The recruiter shares their screen; the talent sees it, then sees it go.
  await recruiter.getByRole('button', { name: 'Share screen' }).click();
  await expectPlaying(remoteTile(page, 'Hannah Jansen', 'screen_share').locator('video'));
  await recruiter.getByRole('button', { name: 'Stop screen share' }).click();
  await expect(remoteTile(page, 'Hannah Jansen', 'screen_share')).toHaveCount(0);

  // A colleague adds themself to the chat and joins as the third person; then leaves.
  const colleague = await openAs(browser, baseURL, 'Pieter de Vries');
  await colleague.goto(callUrl);
  await colleague.getByRole('button', { name: 'Join as colleague' }).click();
  await joinCall(colleague, callUrl);
  await expectPlaying(remoteTile(page, 'Pieter de Vries').locator('video'));
  await expect(remoteTile(colleague, 'Olga Garcia')).toBeVisible();
  await expect(remoteTile(colleague, 'Hannah Jansen')).toBeVisible();
  await colleague.getByRole('button', { name: 'Leave' }).click();
  await expect(colleague.getByText('You left the call.')).toBeVisible();
  await expect(remoteTile(page, 'Pieter de Vries')).toHaveCount(0);
  await expect(remoteTile(recruiter, 'Pieter de Vries')).toHaveCount(0);
  await colleague.context().close();

  // The chat's time runs out (moved in the database), both leave: the last leave completes it.
  if (endingChatsMissing()) {
    test.info().annotations.push({ type: 'not checked', description: `chat completion: ${endingChatsMissing()}` });
  } else {
    await endChatNow(chatId);
  }
  await page.getByRole('button', { name: 'Leave' }).click();
  if (endingChatsMissing()) {
    await expect(remoteTile(recruiter, 'Olga Garcia')).toHaveCount(0);
    await recruiter.getByRole('button', { name: 'Leave' }).click();
  } else {
    // The talent's leave completes the chat; the recruiter's page follows it and ends the call.
    await expect(recruiter.getByText(/its call is closed/)).toBeVisible({ timeout: 20_000 });
    await expect(recruiter.getByRole('button', { name: 'Leave' })).toHaveCount(0);
    await expectAttendance(organizer, 'Olga Garcia', async (item) => {
      await expect(item.getByText('Completed', { exact: true })).toBeVisible({ timeout: 1_000 });
      await expect(item.getByText('No-show')).toHaveCount(0);
      await expect(item.getByRole('region', { name: 'Talent' }).getByText(/^Joined /)).toBeVisible({ timeout: 1_000 });
      await expect(item.getByRole('region', { name: 'Recruiter side' }).getByText(/Pieter de Vries \(colleague\)/)).toBeVisible({ timeout: 1_000 });
    });
  }
  await organizer.context().close();
  await recruiter.context().close();
});

test('cancelling a confirmed chat while people are in the call closes its room on the real server (DeleteRoom)', async ({ page }) => {
  const { recruiter, callUrl, chatId } = await bookedChat(page, 'Daniel Keller', 'Paul Yilmaz');
  await joinCall(page, callUrl);
  await joinCall(recruiter, callUrl);
  await expectPlaying(remoteTile(page, 'Daniel Keller').locator('video'));
  // A device the app's pages do not control (an old tab, a stale client) stays connected until
  // the server itself ends the room: only DeleteRoom can remove it.
  const stale = await openSdkPage(page.context());
  const token = await mintToken(`stale-device-${unique()}`, { room: `chat-${chatId}`, roomJoin: true, canSubscribe: true });
  await stale.evaluate(async ({ url, token }) => {
    const LK = window.LivekitClient;
    const r = new LK.Room();
    r.on(LK.RoomEvent.Disconnected, (reason: unknown) => {
      (window as unknown as { ended: unknown }).ended = LK.DisconnectReason[reason as number];
    });
    await r.connect(url, token);
  }, { url: LIVEKIT.url, token });
  await expect.poll(async () => (await rooms().listParticipants(`chat-${chatId}`)).length).toBe(3);

  // The talent cancels from another tab, as anyone would from My 1-1 Chats.
  const tab = await page.context().newPage();
  await tab.goto('/events/demo-fair/chats');
  const chat = tab.getByRole('region', { name: 'Confirmed chats' }).getByRole('listitem').filter({ hasText: 'Daniel Keller' });
  await chat.getByRole('button', { name: 'More actions for the chat with Daniel Keller' }).click();
  await chat.getByRole('menuitem', { name: 'Cancel chat…' }).click();
  await chat.getByLabel('Why are you cancelling?').fill('Something came up, sorry.');
  await chat.getByRole('button', { name: 'Cancel the chat' }).click();

  await expect.poll(() => stale.evaluate(() => (window as unknown as { ended?: string }).ended), { timeout: 30_000 }).toBe('ROOM_DELETED');
  expect(await rooms().listRooms([`chat-${chatId}`])).toEqual([]);
  for (const p of [page, recruiter]) {
    await expect(p.getByText(/chat (is|was) cancelled/).first()).toBeVisible();
    await expect(p.getByRole('button', { name: 'Leave' })).toHaveCount(0);
  }
  // And no new token lets anyone back in.
  const again = await page.request.post('/api/livekit/token', { data: { chatId } });
  expect(again.status()).toBe(403);
  await recruiter.context().close();
});

test('a side that never joins is a no-show, from the real server’s webhooks; the talent is told and gets the request back', async ({ page, browser, baseURL }) => {
  test.skip(!!endingChatsMissing(), endingChatsMissing() ?? '');
  const { recruiter, callUrl, chatId } = await bookedChat(page, 'Tom Bakker', 'Rosa Moreau');
  await recruiter.context().close();
  await joinCall(page, callUrl);
  const organizer = await openAs(browser, baseURL, DEMO.organizer);
  await expectAttendance(organizer, 'Rosa Moreau', async (item) => {
    await expect(item.getByRole('region', { name: 'Talent' }).getByText('In the call')).toBeVisible({ timeout: 1_000 });
  });
  await endChatNow(chatId);
  await page.getByRole('button', { name: 'Leave' }).click();
  await expectAttendance(organizer, 'Rosa Moreau', async (item) => {
    await expect(item.getByText('Completed', { exact: true })).toBeVisible({ timeout: 1_000 });
    await expect(item.getByRole('region', { name: 'Recruiter side' }).getByText('No-show')).toBeVisible({ timeout: 1_000 });
    await expect(item.getByRole('region', { name: 'Talent' }).getByText('No-show')).toHaveCount(0);
  });
  await page.goto('/notifications');
  await expect(page.getByText('Tom Bakker did not join your 1-1 chat')).toBeVisible();
  await organizer.context().close();
});

test('the real server refuses a token edited to another room and an expired token; a token only ever opens its own room', async ({ page }) => {
  const sdk = await openSdkPage(page.context());
  const room = `check-${unique()}`;
  const connect = (token: string) =>
    sdk.evaluate(async ({ url, token }) => {
      const r = new window.LivekitClient.Room();
      try {
        await r.connect(url, token);
        const name = r.name as string;
        await r.disconnect();
        return { ok: true, room: name };
      } catch (e) {
        return { ok: false, message: String((e as Error).message) };
      }
    }, { url: LIVEKIT.url, token });

  const other = await mintToken('someone', { room: `${room}-other`, roomJoin: true });
  expect(await connect(other)).toEqual({ ok: true, room: `${room}-other` });
  // The same token with its room claim changed: the signature no longer matches.
  const [head, body, signature] = other.split('.');
  const claims = JSON.parse(Buffer.from(body!, 'base64url').toString());
  claims.video.room = room;
  const edited = `${head}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
  const refusedEdit = await connect(edited);
  expect(refusedEdit).toMatchObject({ ok: false });
  expect(refusedEdit.message).toMatch(/signature is invalid/);
  // Past LiveKit's one minute of leeway for clock skew.
  const expired = await mintToken('someone', { room, roomJoin: true }, '-5m');
  const refusedExpired = await connect(expired);
  expect(refusedExpired).toMatchObject({ ok: false });
  expect(refusedExpired.message).toMatch(/token is expired/);
  expect(await rooms().listRooms([room])).toEqual([]);
});

test('stage permissions at SDK level: subscribe-only, granted camera and microphone through UpdateParticipant, received by the other browser, revoked and unpublished', async ({ browser }) => {
  const room = `stage-${unique()}`;
  const hostContext = await browser.newContext();
  const guestContext = await browser.newContext();
  const host = await openSdkPage(hostContext);
  const guest = await openSdkPage(guestContext);
  const join = (page: Page, token: string) =>
    page.evaluate(async ({ url, token }) => {
      const LK = window.LivekitClient;
      const r = new LK.Room();
      r.on(LK.RoomEvent.TrackSubscribed, (track: { kind: string; attach: () => HTMLVideoElement }, _pub: unknown, p: { identity: string }) => {
        if (track.kind !== 'video') return;
        const el = track.attach();
        el.id = `video-${p.identity}`;
        el.muted = true;
        document.body.append(el);
      });
      // LiveKit detaches a removed track from its elements itself; the test removes the element.
      r.on(LK.RoomEvent.TrackUnsubscribed, (track: { kind: string }, _pub: unknown, p: { identity: string }) => {
        if (track.kind === 'video') document.getElementById(`video-${p.identity}`)?.remove();
      });
      await r.connect(url, token);
      window.room = r;
    }, { url: LIVEKIT.url, token });

  await join(host, await mintToken('host', { room, roomJoin: true, canPublish: true, canSubscribe: true, canPublishData: true }));
  await join(guest, await mintToken('guest', { room, roomJoin: true, canPublish: false, canSubscribe: true, canPublishData: true }));
  const publishCamera = () =>
    guest.evaluate(async () => {
      try {
        await window.room.localParticipant.setCameraEnabled(true, { resolution: { width: 320, height: 240, frameRate: 10 } });
        await window.room.localParticipant.setMicrophoneEnabled(true);
        return 'published';
      } catch (e) {
        return `refused: ${(e as Error).message}`;
      }
    });
  expect(await publishCamera()).toMatch(/^refused/);

  // Accepted on stage: the whole permission, camera and microphone only.
  const info = await setPublishSources(room, 'guest', 'camera_microphone', LIVEKIT_CONFIG);
  expect(info.permission).toMatchObject({ canSubscribe: true, canPublish: true, canPublishData: true, canPublishSources: [TrackSource.CAMERA, TrackSource.MICROPHONE] });
  await expect.poll(() => guest.evaluate(() => window.room.localParticipant.permissions?.canPublish === true)).toBe(true);
  expect(await publishCamera()).toBe('published');
  await expectPlaying(host.locator('#video-guest'));
  // Screen sharing was not granted.
  expect(await guest.evaluate(async () => window.room.localParticipant.setScreenShareEnabled(true).then(() => 'shared', (e: Error) => `refused: ${e.message}`))).toMatch(/^refused/);

  // Back to the audience: the server unpublishes the guest's tracks; the host's video goes.
  await setPublishSources(room, 'guest', 'none', LIVEKIT_CONFIG);
  await expect(host.locator('#video-guest')).toHaveCount(0, { timeout: 15_000 });
  await expect.poll(() => guest.evaluate(() => window.room.localParticipant.trackPublications.size)).toBe(0);
  const [guestInfo] = (await rooms().listParticipants(room)).filter((p) => p.identity === 'guest');
  expect(guestInfo?.tracks).toEqual([]);
  expect(guestInfo?.permission?.canSubscribe).toBe(true);
  await hostContext.close();
  await guestContext.close();
});
