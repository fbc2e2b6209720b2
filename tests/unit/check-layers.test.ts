import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const SCRIPT = path.resolve('scripts/check-layers.mjs');

/** Runs the layer check on a small tree of files, with this repository's layers.json. */
function check(files: Record<string, string>, known: string[] = []) {
  const dir = mkdtempSync(path.join(tmpdir(), 'layers-'));
  try {
    const config = JSON.parse(readFileSync('layers.json', 'utf8'));
    writeFileSync(path.join(dir, 'layers.json'), JSON.stringify({ ...config, knownViolations: known }));
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), text);
    }
    symlinkSync(path.resolve('node_modules'), path.join(dir, 'node_modules'));
    const r = spawnSync(process.execPath, [SCRIPT], { cwd: dir, encoding: 'utf8' });
    return { code: r.status, out: r.stdout + r.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const clean = {
  'db/client.ts': 'export const db = 1;\n',
  'lib/x/use-case.ts': "import { db } from '@/db/client';\nexport const f = () => db;\n",
  'lib/time/format.ts': 'export const fmt = (d: Date) => d.toISOString();\n',
  'components/x/view.tsx': "import type { f } from '@/lib/x/use-case';\nimport { fmt } from '@/lib/time/format';\nexport const V = () => <p>{fmt(new Date())}</p>;\nexport type T = typeof f;\n",
  'app/page.tsx': "import { f } from '@/lib/x/use-case';\nimport { V } from '@/components/x/view';\nexport default function P() { f(); return <V />; }\n",
};

test('a tree that follows the layers passes', () => {
  const r = check(clean);
  expect(r.out).toContain('files follow layers.json');
  expect(r.code).toBe(0);
});

test('each broken rule is named, and the check fails', () => {
  const r = check({
    ...clean,
    'db/seed.ts': "import { f } from '@/lib/x/use-case';\nexport const s = f;\n",
    'lib/x/page-helper.ts': "import { notFound } from 'next/navigation';\nexport const n = notFound;\n",
    'components/x/impure.tsx': "import { f } from '@/lib/x/use-case';\nimport { db } from '../../db/client';\nexport const I = () => <p>{String(f() ?? db)}</p>;\n",
    'app/api/route.ts': "import { eq } from 'drizzle-orm';\nexport const g = eq;\n",
  });
  expect(r.code).toBe(1);
  expect(r.out).toContain('db/seed.ts → @/lib/x/use-case: db/ may not import lib/');
  expect(r.out).toContain('lib/x/page-helper.ts → next/navigation: lib/ may not import the package next/navigation');
  expect(r.out).toContain('components/x/impure.tsx → @/lib/x/use-case: components/ use only types');
  expect(r.out).toContain('components/x/impure.tsx → ../../db/client: components/ may not import db/');
  expect(r.out).toContain('app/api/route.ts → drizzle-orm: app/ may not import the package drizzle-orm');
});

test('a known violation passes until it is fixed; then its entry must go', () => {
  const broken = { ...clean, 'lib/x/page-helper.ts': "import { notFound } from 'next/navigation';\nexport const n = notFound;\n" };
  expect(check(broken, ['lib/x/page-helper.ts → next/navigation']).code).toBe(0);
  const fixed = check(clean, ['lib/x/page-helper.ts → next/navigation']);
  expect(fixed.code).toBe(1);
  expect(fixed.out).toContain('Fixed — remove from knownViolations');
});
