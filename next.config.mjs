// Sent with every response, pages and API alike. The pages' CSP has a per-request nonce, so it
// comes from proxy.ts (lib/http/security-headers.ts).
const SECURITY_HEADERS = [
  // For browsers that ignore CSP frame-ancestors: nothing of ours is meant to be framed.
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  // Sign-in links carry their token in the URL: other sites get at most our origin.
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  // Calls use camera, microphone and screen sharing, on our own pages only.
  { key: 'Permissions-Policy', value: 'camera=(self), microphone=(self), display-capture=(self), geolocation=(), payment=(), usb=()' },
];

/** @type {import('next').NextConfig} */
const config = {
  // The Docker image uses the standalone server; `npm start` uses `next start`, which refuses it.
  output: process.env.NEXT_OUTPUT === 'standalone' ? 'standalone' : undefined,
  // PGlite loads its WebAssembly and data files from its own package folder at run time.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres', 'pg-boss', 'nodemailer'],
  // The Pages Router (used by /api/live) would load next-auth as an external ESM module, whose
  // bare 'next/server' import Node cannot resolve: bundle it instead.
  // 'server-only' likewise: left external there, Node would load its throwing build; bundled, it
  // resolves to its empty server build as in every other server route.
  transpilePackages: ['next-auth', 'server-only'],
  outputFileTracingIncludes: { '/**': ['./db/migrations/**'] },
  // Types are checked by `npm run typecheck` (TypeScript 7, native); Next's checker expects the TS 5 JS API.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  // Lets a second build live beside the main one (e.g. while a benchmark serves .next).
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  reactStrictMode: true,
  async headers() {
    return [{ source: '/:path*', headers: SECURITY_HEADERS }];
  },
};

export default config;
