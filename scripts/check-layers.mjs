// npm test's "layers" stage: every import of app/, pages/, components/, lib/ and db/ follows the
// rules of layers.json (DESIGN.md: app/ → lib/ → db/). Prints each violation; exits 1 if any.
//
// Why not dependency-cruiser or eslint-plugin-boundaries: both parse TypeScript through the
// TypeScript compiler's JavaScript API, which TypeScript 7 (this project's compiler) no longer
// has, and dependency-cruiser's SWC mode cannot read TSX. This reads each file with SWC itself.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseSync } from '@swc/core';

const ROOT = process.cwd();
const config = JSON.parse(readFileSync(path.join(ROOT, 'layers.json'), 'utf8'));
const layerRe = Object.fromEntries(Object.entries(config.layers).map(([k, v]) => [k, new RegExp(v)]));
const pureLib = config.componentsMayUseLib.map((p) => new RegExp(p));
const EXT = ['.ts', '.tsx', '.mjs', '.js'];

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (/\.(ts|tsx|mjs)$/.test(name) && !name.endsWith('.d.ts')) out.push(path.relative(ROOT, full));
  }
  return out;
}

function layerOf(file) {
  return Object.keys(layerRe).find((k) => layerRe[k].test(file));
}

/** A specifier as a path relative to the repository, or undefined for a package. */
function resolve(from, spec) {
  let base;
  if (spec.startsWith('@/')) base = spec.slice(2);
  else if (spec.startsWith('.')) base = path.relative(ROOT, path.resolve(path.dirname(from), spec));
  else return undefined;
  for (const cand of [base, ...EXT.map((e) => base + e), ...EXT.map((e) => path.join(base, `index${e}`))]) {
    if (existsSync(path.join(ROOT, cand)) && statSync(path.join(ROOT, cand)).isFile()) return cand;
  }
  return base;
}

/** Imports and re-exports of a file: { spec, typeOnly }. */
function importsOf(file) {
  const src = readFileSync(path.join(ROOT, file), 'utf8');
  const ast = parseSync(src, { syntax: 'typescript', tsx: file.endsWith('.tsx'), dynamicImport: true });
  const found = [];
  for (const item of ast.body) {
    if (item.type === 'ImportDeclaration') {
      const typeOnly = item.typeOnly || (item.specifiers.length > 0 && item.specifiers.every((s) => s.isTypeOnly));
      found.push({ spec: item.source.value, typeOnly });
    } else if ((item.type === 'ExportNamedDeclaration' || item.type === 'ExportAllDeclaration') && item.source) {
      found.push({ spec: item.source.value, typeOnly: !!item.typeOnly });
    }
  }
  // Dynamic import('…') anywhere in the file.
  for (const m of src.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push({ spec: m[1], typeOnly: false });
  return found;
}

const violations = [];
const files = ['app', 'pages', 'components', 'lib', 'db'].filter((d) => existsSync(d)).flatMap((d) => walk(d));
for (const f of ['proxy.ts', 'instrumentation.ts']) if (existsSync(f)) files.push(f);
for (const file of files) {
  const from = layerOf(file);
  for (const { spec, typeOnly } of importsOf(file)) {
    const target = resolve(file, spec);
    const to = target ? layerOf(target) : undefined;
    for (const rule of config.rules.filter((r) => r.from === from)) {
      const why = (() => {
        if (to && (rule.notTo ?? []).includes(to) && !(rule.typeOnlyAllowed && typeOnly)) return `${from}/ may not import ${to}/`;
        if (target && (rule.notToPaths ?? []).some((p) => new RegExp(p).test(target)) && !typeOnly) return `${from}/ may not import ${target}`;
        if (!target && (rule.notToModules ?? []).some((m) => new RegExp(m).test(spec)) && !typeOnly) return `${from}/ may not import the package ${spec}`;
        return undefined;
      })();
      if (why) violations.push(`${file} → ${spec}: ${why} (${rule.name})`);
    }
    if (from === 'components' && to === 'lib' && !typeOnly && !pureLib.some((p) => p.test(target))) {
      violations.push(`${file} → ${spec}: components/ use only types and the pure helpers of lib/ listed in layers.json (componentsMayUseLib)`);
    }
  }
}

// Imports that broke the rules before the check existed, each to be fixed and then removed
// from layers.json: new ones fail, and so does an entry that no longer occurs.
const known = new Set(config.knownViolations ?? []);
const key = (v) => v.slice(0, v.indexOf(':'));
const fresh = violations.filter((v) => !known.has(key(v)));
const seen = new Set(violations.map(key));
const stale = [...known].filter((k) => !seen.has(k));
if (fresh.length || stale.length) {
  if (fresh.length) console.error(`Layer rules (layers.json) broken ${fresh.length} time(s):\n${fresh.map((v) => `  ${v}`).join('\n')}`);
  if (stale.length) console.error(`Fixed — remove from knownViolations in layers.json:\n${stale.map((v) => `  ${v}`).join('\n')}`);
  process.exit(1);
}
console.log(`layers: ${files.length} files follow layers.json (${known.size} known violations left to fix)`);
