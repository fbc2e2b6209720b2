/**
 * scripts/check-layers.mjs (npm test's "layers" stage) on synthetic repositories with this
 * repository's layers.json: a tree that follows the rules passes, and each kind of violation fails
 * the check with that kind's fix in the message.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const SCRIPT = path.resolve('scripts/check-layers.mjs');

/** A repository that follows every rule: a page → lib (server) → db, and a component using types and a pure helper. */
const CLEAN: Record<string, string> = {
  'db/client.ts': "import 'server-only';\nimport postgres from 'postgres';\nexport const db = postgres();\nexport type Db = typeof db;\n",
  'db/schema/index.ts': "import 'server-only';\nexport const users = { name: 'users' };\n",
  'lib/env.ts': "import 'server-only';\nexport const env = () => process.env;\n",
  'lib/things/queries.ts':
    "import 'server-only';\nimport type { Db } from '@/db/client';\nimport { users } from '@/db/schema';\nexport type TThing = { id: string };\nexport async function things(db: Db): Promise<TThing[]> { return [{ id: users.name }]; }\n",
  'lib/things/schemas.ts': "import { z } from 'zod';\nexport const ZThing = z.object({ id: z.string() });\n",
  'lib/time/format.ts': "export const formatDay = (d: Date) => d.toISOString().slice(0, 10);\n",
  'lib/errors/index.ts': 'export type TResult<T> = { ok: true } & T;\nexport class AppError extends Error {}\n',
  'components/things/thing-list.tsx':
    "'use client';\nimport type { TThing } from '@/lib/things/queries';\nimport type { saveThing } from '@/app/things/actions';\nimport { formatDay } from '@/lib/time/format';\nexport function ThingList({ things, save }: { things: TThing[]; save: typeof saveThing }) {\n  return <ul onClick={() => save()}>{things.map((t) => <li key={t.id}>{formatDay(new Date())}</li>)}</ul>;\n}\n",
  'app/things/actions.ts': "'use server';\nexport async function saveThing() {}\n",
  'app/things/page.tsx':
    "import { db } from '@/db/client';\nimport type { users } from '@/db/schema';\nimport { ThingList } from '@/components/things/thing-list';\nimport { things } from '@/lib/things/queries';\nimport { saveThing } from './actions';\nexport default async function Page() {\n  return <ThingList things={await things(db)} save={saveThing} />;\n}\n",
};

let dirs: string[] = [];

function check(overrides: Record<string, string | null>) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fg-layers-'));
  dirs.push(dir);
  copyFileSync('layers.json', path.join(dir, 'layers.json'));
  for (const [file, text] of Object.entries({ ...CLEAN, ...overrides })) {
    if (text === null) continue;
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  const run = spawnSync(process.execPath, [SCRIPT, dir], { encoding: 'utf8' });
  return { code: run.status, out: `${run.stdout}${run.stderr}` };
}

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

test('a repository that follows layers.json passes', () => {
  const { code, out } = check({});
  expect(out).toContain('files follow layers.json');
  expect(code).toBe(0);
});

const CASES: { name: string; files: Record<string, string | null>; expected: RegExp; fix: RegExp }[] = [
  {
    name: 'a component that imports a server action from app/',
    files: { 'components/things/save-button.tsx': "'use client';\nimport { saveThing } from '@/app/things/actions';\nexport const SaveButton = () => <button onClick={() => saveThing()}>Save</button>;\n" },
    expected: /components\/things\/save-button\.tsx → @\/app\/things\/actions: components\/ may not import app\//,
    fix: /the page passes the server action as a prop/,
  },
  {
    name: 'a component that imports a server module of lib/',
    files: { 'components/things/count.tsx': "import { things } from '@/lib/things/queries';\nexport const Count = () => <span>{String(things)}</span>;\n" },
    expected: /components\/things\/count\.tsx → @\/lib\/things\/queries: components\/ may not use lib\/things\/queries\.ts/,
    fix: /compute the value in the page and pass it as a prop/,
  },
  {
    name: 'a component that imports db/',
    files: { 'components/things/raw.tsx': "import { users } from '../../db/schema';\nexport const Raw = () => <span>{users.name}</span>;\n" },
    expected: /components\/things\/raw\.tsx → \.\.\/\.\.\/db\/schema: components\/ may not import db\//,
    fix: /get their data as props/,
  },
  {
    name: 'lib/ that imports next/navigation',
    files: { 'lib/things/go.ts': "import { redirect } from 'next/navigation';\nexport const go = () => redirect('/');\n" },
    expected: /lib\/things\/go\.ts → next\/navigation: lib\/ may not import next\/navigation/,
    fix: /let the route in app\/ redirect/,
  },
  {
    name: 'lib/ that imports React',
    files: { 'lib/things/hook.ts': "import { useState } from 'react';\nexport const useThing = () => useState(0);\n" },
    expected: /lib\/things\/hook\.ts → react: lib\/ may not import react/,
    fix: /React code belongs in components\//,
  },
  {
    name: 'lib/ that imports a component',
    files: { 'lib/things/label.ts': "import { ThingList } from '@/components/things/thing-list';\nexport const label = String(ThingList);\n" },
    expected: /lib\/things\/label\.ts → @\/components\/things\/thing-list: lib\/ may not import components\//,
    fix: /move the shared code down into lib\//,
  },
  {
    name: 'db/ that imports a type from lib/ (a cycle, even as a type)',
    files: { 'db/schema/kinds.ts': "import 'server-only';\nimport type { TThing } from '@/lib/things/queries';\nexport type TKind = TThing['id'];\n" },
    expected: /db\/schema\/kinds\.ts → @\/lib\/things\/queries: db\/ may not import lib\//,
    fix: /db\/ is the bottom layer/,
  },
  {
    name: 'a route that queries the schema with Drizzle',
    files: { 'app/things/[id]/page.tsx': "import { eq } from 'drizzle-orm';\nimport { users } from '@/db/schema';\nexport default function Page() { return <p>{String(eq)}{users.name}</p>; }\n" },
    expected: /app\/things\/\[id\]\/page\.tsx → drizzle-orm: app\/ may not import the package drizzle-orm[\s\S]*app\/things\/\[id\]\/page\.tsx → @\/db\/schema: app\/ may not import db\/schema\/index\.ts/,
    fix: /put the query in a lib\/ function/,
  },
  {
    name: 'a server module of lib/ without server-only (it reaches db/ through another module)',
    files: { 'lib/things/count.ts': "import { things } from './queries';\nexport const count = async () => (await things({} as never)).length;\n" },
    expected: /lib\/things\/count\.ts → 'server-only': a server module \(it imports lib\/things\/queries\.ts\) must import 'server-only'/,
    fix: /Add `import 'server-only';` as its first import/,
  },
  {
    name: 'db/ without server-only',
    files: { 'db/schema/index.ts': "export const users = { name: 'users' };\n" },
    expected: /db\/schema\/index\.ts → 'server-only': a server module \(under a server-only path of layers\.json\) must import 'server-only'/,
    fix: /Add `import 'server-only';`/,
  },
  {
    name: 'a pure module of lib/ (componentsMayUseLib) that reaches the database',
    files: { 'lib/time/zone-of.ts': "import 'server-only';\nimport { things } from '@/lib/things/queries';\nexport const zoneOf = () => things;\n" },
    expected: /lib\/time\/zone-of\.ts → @\/lib\/things\/queries: the pure module lib\/time\/zone-of\.ts may not import lib\/things\/queries\.ts/,
    fix: /it runs in the browser/,
  },
  {
    name: 'a dynamic import of a server module from a component',
    files: { 'components/things/lazy.tsx': "export async function load() { return (await import('@/lib/things/queries')).things; }\n" },
    expected: /components\/things\/lazy\.tsx → @\/lib\/things\/queries: components\/ may not use/,
    fix: /pure helpers of lib\//,
  },
];

test.each(CASES)('fails on $name, saying how to fix it', ({ files, expected, fix }) => {
  const { code, out } = check(files);
  expect(out).toMatch(expected);
  expect(out).toMatch(fix);
  expect(code).toBe(1);
});

test('type-only imports from app/, db/ and server modules of lib/ are allowed in components', () => {
  const { code, out } = check({
    'components/things/types.tsx':
      "import type { saveThing } from '@/app/things/actions';\nimport { type TThing } from '@/lib/things/queries';\nimport type { Db } from '@/db/client';\nexport type T = [typeof saveThing, TThing, Db];\nexport type TQ = typeof import('@/lib/things/queries');\n",
  });
  expect(out).toContain('files follow layers.json');
  expect(code).toBe(0);
});
