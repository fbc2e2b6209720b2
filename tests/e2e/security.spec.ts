import { expect, test } from '@playwright/test';
import { collectCspViolations, DEMO, DEMO_FAIR, signInAs } from '../helpers/e2e';

test('pages are sent with a nonce CSP, no framing, no sniffing and a referrer policy', async ({ request }) => {
  const res = await request.get('/signin');
  const h = res.headers();
  expect(h['x-frame-options']).toBe('DENY');
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
  const csp = h['content-security-policy'] ?? '';
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  // The LiveKit server of this installation (LIVEKIT_URL in scripts/e2e-server.mjs) is reachable from the page.
  expect(csp).toMatch(/connect-src [^;]*ws:\/\/127\.0\.0\.1:\d+ http:\/\/127\.0\.0\.1:\d+/);
  // Every response has a fresh nonce.
  const again = (await request.get('/signin')).headers()['content-security-policy'];
  expect(again).not.toBe(csp);
  // API answers carry the static headers too.
  expect((await request.get('/api/outbox')).headers()['x-content-type-options']).toBe('nosniff');
});

test('the app works under its CSP: sign-in, lobby, companies, 1-1 chats and live updates, nothing blocked', async ({ page }) => {
  const blocked = collectCspViolations(page);
  await signInAs(page, DEMO.talent);
  await page.goto(`/events/${DEMO_FAIR.slug}`);
  await expect(page.getByRole('heading', { level: 1, name: DEMO_FAIR.name })).toBeVisible();
  await page.goto(`/events/${DEMO_FAIR.slug}/companies`);
  await page.getByRole('link').filter({ hasText: /./ }).first().waitFor();
  await page.goto(`/events/${DEMO_FAIR.slug}/chats`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // Client navigation and React hydration ran: a client-side link click changes the page.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Events' }).click();
  await expect(page).toHaveURL('/');
  expect(blocked).toEqual([]);
});

test('another site cannot frame the app', async ({ page, baseURL }) => {
  const blocked = collectCspViolations(page);
  await page.setContent(`<iframe src="${baseURL}/signin" title="framed"></iframe>`);
  const frame = page.frameLocator('iframe[title="framed"]');
  await expect(frame.getByRole('heading', { name: 'Sign in to Fairground' })).toHaveCount(0, { timeout: 3_000 });
  await expect.poll(() => blocked.some((m) => /frame-ancestors/.test(m))).toBe(true);
});

test('server-action calls from another site, over 1 MB or unreadable get a 4xx; the page’s own call works', async ({ page, baseURL }) => {
  await signInAs(page, DEMO.talent);
  await page.goto('/profile');
  const sent = page.waitForRequest((r) => r.method() === 'POST' && !!r.headers()['next-action']);
  await page.getByRole('button', { name: 'Save profile' }).click();
  const id = (await sent).headers()['next-action']!;
  await expect(page.getByText('Profile saved.')).toBeVisible();

  // The same action, replayed with the person's cookies the way an attacker or a broken client would.
  const post = (headers: Record<string, string>, data: string) =>
    page.request.post('/profile', { headers: { 'next-action': id, origin: baseURL!, 'content-type': 'text/plain;charset=UTF-8', ...headers }, data });
  const crossSite = await post({ origin: 'https://evil.example' }, '[]');
  expect(crossSite.status()).toBe(403);
  expect(await crossSite.text()).toBe('Actions of this site can only be called from its own pages.');
  expect((await post({}, 'not json[')).status()).toBe(400);
  expect((await post({ 'content-type': 'multipart/form-data; boundary=xyz' }, 'garbage')).status()).toBe(400);
  const huge = await post({}, JSON.stringify(['x'.repeat(1024 * 1024)]));
  expect(huge.status()).toBe(413);
  expect(await huge.text()).toMatch(/more than the 1 MB an action accepts/);
});
