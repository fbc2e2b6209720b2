/** @type {import('next').NextConfig} */
const config = {
  // The Docker image uses the standalone server; `npm start` uses `next start`, which refuses it.
  output: process.env.NEXT_OUTPUT === 'standalone' ? 'standalone' : undefined,
  // PGlite loads its WebAssembly and data files from its own package folder at run time.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres', 'pg-boss', 'nodemailer'],
  // The Pages Router (used by /api/live) would load next-auth as an external ESM module, whose
  // bare 'next/server' import Node cannot resolve: bundle it instead.
  transpilePackages: ['next-auth'],
  outputFileTracingIncludes: { '/**': ['./db/migrations/**'] },
  // Types are checked by `npm run typecheck` (TypeScript 7, native); Next's checker expects the TS 5 JS API.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  // Lets a second build live beside the main one (e.g. while a benchmark serves .next).
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  reactStrictMode: true,
};

export default config;
