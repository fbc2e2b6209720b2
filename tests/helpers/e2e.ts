// Helpers for the Playwright tests in tests/e2e (browser side only; no database access).
import { expect, type Browser, type Page } from '@playwright/test';

/** The seeded demo people the tests sign in as (db/seed.ts, db/seed-data.ts). */
export const DEMO = {
  organizer: 'Olivia Okafor',
  moderator: 'Max Moreau',
  recruiter: 'Nora Visser',
  /** demo-talent-01: the one talent the seed leaves unregistered, for the registration test. */
  unregisteredTalent: 'Aisha Novak',
  /** demo-talent-03: registered for the demo fair by the seed. */
  talent: 'Carla Nowak',
} as const;

export const DEMO_FAIR = { slug: 'demo-fair', name: 'Fairground Demo Career Fair', talentsInSeed: 39 } as const;

/** A suffix that keeps names and e-mail addresses unique across runs against one database. */
export const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export function headerNav(page: Page) {
  return page.getByRole('navigation', { name: 'Main' });
}

/** A demo person's sign-in button; its name is "Sign in as <name>, <company or headline>". */
export function demoSignInButton(page: Page, name: string) {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return page.getByRole('button', { name: new RegExp(`^Sign in as ${escaped}(,|$)`) });
}

/** Signs in with the demo sign-in and waits until the header shows the person. */
export async function signInAs(page: Page, name: string): Promise<void> {
  await page.goto('/signin');
  await demoSignInButton(page, name).click();
  await expect(headerNav(page).getByRole('link', { name, exact: true })).toBeVisible();
}

/** Signs in with an e-mail magic link read from the outbox (demo mode shows it to anyone). */
export async function signInByEmail(page: Page, email: string): Promise<void> {
  await page.goto('/signin');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByRole('button', { name: 'E-mail me a sign-in link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your e-mail' })).toBeVisible();
  await page.goto('/outbox');
  const mail = page.getByRole('listitem').filter({ hasText: `to ${email}` }).first();
  await mail.locator('summary').click();
  await mail.getByRole('link', { name: /\/api\/auth\/callback\/email/ }).click();
  await expect(headerNav(page).getByRole('link', { name: email })).toBeVisible();
}

/**
 * Collects what the page's Content-Security-Policy blocked (Chromium reports each refusal on
 * the console), across navigations; a test asserts the list stays empty.
 */
export function collectCspViolations(page: Page): string[] {
  const found: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) found.push(m.text());
  });
  return found;
}

/** A second person in their own browser context (own cookies), signed in. */
export async function openAs(browser: Browser, baseURL: string | undefined, name: string): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signInAs(page, name);
  return page;
}

declare global {
  interface Window {
    __fgLiveReady?: string[];
  }
}

/**
 * Records which live (SSE) connections got their `ready` event, so a test can wait until the
 * page really follows a topic before it makes the change the page should see.
 */
export async function trackLiveConnections(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const Native = window.EventSource;
    window.__fgLiveReady = [];
    class Tracked extends Native {
      constructor(url: string | URL, init?: EventSourceInit) {
        super(url, init);
        this.addEventListener('ready', () => window.__fgLiveReady!.push(decodeURIComponent(String(url))));
      }
    }
    window.EventSource = Tracked;
  });
}

export async function waitForLiveTopic(page: Page, topicPrefix: string, { timeout }: { timeout?: number } = {}): Promise<void> {
  await page.waitForFunction((prefix) => (window.__fgLiveReady ?? []).some((u) => u.includes(prefix)), topicPrefix, { timeout });
}

/** Width the page needs beyond the viewport; 0 means no horizontal scrolling. */
export async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; widest: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    // Names of the elements that stick out, to make a failure easy to fix.
    const widest = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 0.5)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''} (right ${Math.round(el.getBoundingClientRect().right)})`);
    return { scrollWidth: document.scrollingElement!.scrollWidth, widest };
  });
}
