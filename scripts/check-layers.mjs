// npm test's "layers" stage: every import of app/, pages/, components/, lib/ and db/ follows the
// rules of layers.json (DESIGN.md: app/ → lib/ → db/), and every server module of lib/ and db/
// imports 'server-only'. Prints each violation with how to fix it; exits 1 if there is any.
//
//   node scripts/check-layers.mjs [root]      (root: the repository to check, default the cwd)
//
// Why not dependency-cruiser or eslint-plugin-boundaries (tried on this repository):
// dependency-cruiser 18 needs Node 22; 17.x runs on Node 20 but reads TypeScript only through the
// TypeScript compiler's JavaScript API (<7), which TypeScript 7 (this project's compiler) no
// longer has, and its SWC mode cannot parse TSX ("Expected '>', got 'ident'" on the first JSX).
// Through Babel it parses, but Babel erases type-only imports first, so "components/ may import
// types from anywhere" and "db/ imports nothing above it, not even a type" can no longer be told
// apart from no import at all. eslint-plugin-boundaries needs @typescript-eslint's parser, which
// also runs on the TypeScript 5 API. This script parses every file with SWC (TSX included) and
// sees `import type` for what it is.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseSync } from '@swc/core';

const EXT = ['.ts', '.tsx', '.mjs', '.js'];
const DIRS = ['app', 'pages', 'components', 'lib', 'db'];
const ROOT_FILES = ['proxy.ts', 'instrumentation.ts'];

/** How to fix each kind of violation: printed under it, so that whoever adds one knows what to do. */
export const FIX = {
  'db-up':
    'db/ is the bottom layer and imports nothing above it, not even a type: move what db/ needs (a constant, a type, a pure helper) into db/ and let lib/ import it from there.',
  'lib-up':
    'lib/ is below app/ and components/: move the shared code down into lib/ (into a pure module if components use it too), or let the caller pass it in as an argument.',
  'lib-ui-package':
    "lib/ has no Next.js and no React: return data or throw an AppError and let the route in app/ redirect, call notFound(), read cookies()/headers() or revalidate; React code belongs in components/.",
  'components-app':
    'Components do not import routes: the page passes the server action as a prop (bound to its ids there: `action.bind(null, event.id)`), or a layout hands a group of them down through a provider (see app/events/[slug]/chats/layout.tsx). A type may be imported with `import type`.',
  'components-db':
    'Components get their data as props from the page (which calls lib/); from db/ they import only types (`import type`).',
  'components-impure-lib':
    "Components use only types and the pure helpers of lib/: compute the value in the page and pass it as a prop, or move the pure function (no db/, no env, no server package) into a pure module of lib/ listed in layers.json's componentsMayUseLib (as lib/sessions/view.ts); for a type write `import type`.",
  'app-query':
    'Routes do not query the database: put the query in a lib/ function (lib/<domain>/queries.ts) and call it; row types may be imported with `import type`.',
  'pure-lib-impure':
    "This module is listed in layers.json's componentsMayUseLib, so it runs in the browser: it may import only other listed pure modules and browser-safe packages. Move the server part into another module (or take this one off the list and stop using it from components/).",
  'server-only-missing':
    "Add `import 'server-only';` as its first import: then a client component that imports it (even through another module) fails the build instead of shipping server code to the browser. If it was meant to be pure, move the server part out instead.",
};

function walk(root, dir, out = []) {
  for (const name of readdirSync(path.join(root, dir))) {
    const rel = path.join(dir, name);
    if (statSync(path.join(root, rel)).isDirectory()) walk(root, rel, out);
    else if (/\.(ts|tsx|mjs)$/.test(name) && !name.endsWith('.d.ts')) out.push(rel.split(path.sep).join('/'));
  }
  return out;
}

/** Every `import('…')` call anywhere in an SWC AST (not `typeof import('…')`, which is a type). */
function dynamicImports(node, found) {
  if (Array.isArray(node)) for (const n of node) dynamicImports(n, found);
  else if (node && typeof node === 'object') {
    if (node.type === 'CallExpression' && node.callee?.type === 'Import' && node.arguments[0]?.expression?.type === 'StringLiteral') {
      found.push({ spec: node.arguments[0].expression.value, typeOnly: false });
    }
    for (const key in node) if (key !== 'span' && node[key] && typeof node[key] === 'object') dynamicImports(node[key], found);
  }
  return found;
}

/** Imports and re-exports of a source text: { spec, typeOnly }. */
export function importsOf(src, tsx) {
  const ast = parseSync(src, { syntax: 'typescript', tsx, dynamicImport: true });
  const found = [];
  for (const item of ast.body) {
    if (item.type === 'ImportDeclaration') {
      const typeOnly = item.typeOnly || (item.specifiers.length > 0 && item.specifiers.every((s) => s.isTypeOnly));
      found.push({ spec: item.source.value, typeOnly });
    } else if ((item.type === 'ExportNamedDeclaration' || item.type === 'ExportAllDeclaration') && item.source) {
      const typeOnly = !!item.typeOnly || (item.specifiers?.length > 0 && item.specifiers.every((s) => s.isTypeOnly));
      found.push({ spec: item.source.value, typeOnly });
    }
  }
  return dynamicImports(ast.body, found);
}

/**
 * Checks the repository at `root` against its layers.json. Returns the files checked and the
 * violations: { file, spec, kind, message }.
 */
export function checkLayers(root) {
  const config = JSON.parse(readFileSync(path.join(root, 'layers.json'), 'utf8'));
  const layerRe = Object.fromEntries(Object.entries(config.layers).map(([k, v]) => [k, new RegExp(v)]));
  const pureLib = config.componentsMayUseLib.map((p) => new RegExp(p));
  const serverPaths = config.serverOnly.paths.map((p) => new RegExp(p));
  const serverPackages = config.serverOnly.packages.map((p) => new RegExp(p));
  const uiPackages = config.libMayNotImport.map((p) => new RegExp(p));
  const appMayNotImport = config.appMayNotImport.paths.map((p) => new RegExp(p));
  const appMayNotImportPackages = config.appMayNotImport.packages.map((p) => new RegExp(p));

  const layerOf = (file) => Object.keys(layerRe).find((k) => layerRe[k].test(file));
  const isPure = (file) => pureLib.some((p) => p.test(file));
  const isFile = (rel) => existsSync(path.join(root, rel)) && statSync(path.join(root, rel)).isFile();

  /** A specifier as a path relative to the repository, or undefined for a package. */
  function resolve(from, spec) {
    let base;
    if (spec.startsWith('@/')) base = spec.slice(2);
    else if (spec.startsWith('.')) base = path.posix.join(path.posix.dirname(from), spec);
    else return undefined;
    for (const cand of [base, ...EXT.map((e) => base + e), ...EXT.map((e) => `${base}/index${e}`)]) if (isFile(cand)) return cand;
    return base;
  }

  const files = DIRS.filter((d) => existsSync(path.join(root, d))).flatMap((d) => walk(root, d));
  for (const f of ROOT_FILES) if (isFile(f)) files.push(f);

  const graph = new Map();
  for (const file of files) {
    const imports = importsOf(readFileSync(path.join(root, file), 'utf8'), file.endsWith('.tsx')).map((i) => ({ ...i, target: resolve(file, i.spec) }));
    graph.set(file, imports);
  }

  const violations = [];
  const add = (file, spec, kind, message) => violations.push({ file, spec, kind, message });

  for (const [file, imports] of graph) {
    const from = layerOf(file);
    for (const { spec, typeOnly, target } of imports) {
      const to = target ? layerOf(target) : undefined;
      if (from === 'db' && to && to !== 'db') add(file, spec, 'db-up', `db/ may not import ${to}/`);
      if (from === 'lib' && (to === 'components' || to === 'app')) add(file, spec, 'lib-up', `lib/ may not import ${to}/`);
      if (from === 'lib' && !target && !typeOnly && uiPackages.some((p) => p.test(spec))) add(file, spec, 'lib-ui-package', `lib/ may not import ${spec}`);
      if (from === 'components' && !typeOnly) {
        if (to === 'app') add(file, spec, 'components-app', 'components/ may not import app/');
        if (to === 'db') add(file, spec, 'components-db', 'components/ may not import db/');
        if (to === 'lib' && !isPure(target)) add(file, spec, 'components-impure-lib', `components/ may not use ${target} (not a pure module of lib/)`);
      }
      if (from === 'app' && !typeOnly) {
        if (target && appMayNotImport.some((p) => p.test(target))) add(file, spec, 'app-query', `app/ may not import ${target}`);
        if (!target && appMayNotImportPackages.some((p) => p.test(spec))) add(file, spec, 'app-query', `app/ may not import the package ${spec}`);
      }
      if (from === 'lib' && isPure(file) && !typeOnly) {
        const impure = target ? to !== 'lib' || !isPure(target) : spec === 'server-only' || serverPackages.some((p) => p.test(spec));
        if (impure) add(file, spec, 'pure-lib-impure', `the pure module ${file} may not import ${target ?? spec}`);
      }
    }
  }

  // Server modules: lib/ and db/ files that reach the database, the environment's secrets or a
  // server package, directly or through another such module (runtime imports only).
  const runtime = (file) => (graph.get(file) ?? []).filter((i) => !i.typeOnly);
  const serverSide = new Set(
    [...graph.keys()].filter(
      (f) =>
        (layerOf(f) === 'lib' || layerOf(f) === 'db') &&
        (serverPaths.some((p) => p.test(f)) || runtime(f).some((i) => !i.target && (i.spec === 'server-only' || serverPackages.some((p) => p.test(i.spec))))),
    ),
  );
  for (let grown = true; grown; ) {
    grown = false;
    for (const f of graph.keys()) {
      if (serverSide.has(f) || (layerOf(f) !== 'lib' && layerOf(f) !== 'db')) continue;
      if (runtime(f).some((i) => i.target && serverSide.has(i.target))) {
        serverSide.add(f);
        grown = true;
      }
    }
  }
  for (const f of serverSide) {
    if (isPure(f)) continue; // reported above, import by import
    if (!(graph.get(f) ?? []).some((i) => i.spec === 'server-only')) {
      const why = runtime(f).find((i) => (i.target && serverSide.has(i.target)) || (!i.target && serverPackages.some((p) => p.test(i.spec))));
      add(f, "'server-only'", 'server-only-missing', `a server module (${why ? `it imports ${why.target ?? why.spec}` : 'under a server-only path of layers.json'}) must import 'server-only'`);
    }
  }
  return { files, violations };
}

/** The report for a list of violations, grouped by kind with each kind's fix. */
export function report(violations) {
  const byKind = new Map();
  for (const v of violations) byKind.set(v.kind, [...(byKind.get(v.kind) ?? []), v]);
  return [...byKind]
    .map(([kind, vs]) => `${vs.map((v) => `  ${v.file} → ${v.spec}: ${v.message}`).join('\n')}\n  How to fix: ${FIX[kind]}`)
    .join('\n\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const root = path.resolve(process.argv[2] ?? process.cwd());
  const { files, violations } = checkLayers(root);
  if (violations.length) {
    console.error(`Layer rules (layers.json, DESIGN.md "Shared machinery") broken ${violations.length} time(s):\n\n${report(violations)}`);
    process.exit(1);
  }
  console.log(`layers: ${files.length} files follow layers.json`);
}
