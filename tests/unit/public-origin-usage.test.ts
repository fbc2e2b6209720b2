import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

// Issue 9, item 5: every link that leaves the site is built by publicUrl (lib/mail/public-url.ts)
// from the one public origin. A module that reads AUTH_URL itself or falls back to localhost
// would send people to the wrong place again.
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

test('no module but lib/env.ts reads the configured address or guesses localhost', () => {
  const offenders = ['app', 'lib', 'components']
    .flatMap(sources)
    .filter((file) => file !== path.join('lib', 'env.ts'))
    .filter((file) => /\bappUrl\b|localhost:3000/.test(readFileSync(file, 'utf8')));
  expect(offenders).toEqual([]);
});
