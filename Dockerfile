# syntax=docker/dockerfile:1
#
# Fairground — production image (Next.js standalone server).
#
#   docker build -t fairground .
#   docker run -p 3000:3000 -v fairground-data:/app/.data fairground                # embedded PGlite, demo mode
#   docker run -p 3000:3000 -e DATABASE_URL=postgres://… -e AUTH_SECRET=… fairground  # PostgreSQL
#
# Migrations (db/migrations) and, when SEED_DEMO is on, the demo seed run when the server boots
# (instrumentation.ts → lib/boot.ts). See docs/self-hosting.md and docs/configuration.md.

# Node ≥ 20.9 is required by Next.js 16 (package.json "engines").
ARG NODE_IMAGE=node:20-bookworm-slim

# ---- deps: every dependency, dev ones included (the build needs them) ----------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# ---- build: the standalone server (next.config.mjs switches output on NEXT_OUTPUT) ----------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
# public/ has no files yet and git keeps no empty folders: make sure it exists for the copy below.
RUN mkdir -p public
# No database is needed here: instrumentation.ts skips the boot work during `next build`.
RUN NEXT_OUTPUT=standalone NEXT_TELEMETRY_DISABLED=1 npx next build

# ---- runtime -------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    MIGRATIONS_DIR=/app/db/migrations \
    NEXT_TELEMETRY_DISABLED=1

# The standalone folder holds server.js, the traced node_modules and .next/server.
# Static assets and public/ are not part of it and are copied beside it.
COPY --from=build /app/.next/standalone ./
COPY --from=build /app/.next/static ./.next/static
COPY --from=build /app/public ./public
# The migrations are traced into the standalone output (outputFileTracingIncludes); copied
# explicitly as well because the server reads them from MIGRATIONS_DIR at every boot.
COPY --from=build /app/db/migrations ./db/migrations
# @electric-sql/pglite is a serverExternalPackage, so the tracer copies it into the standalone
# node_modules, including the .wasm/.data files and contrib/btree_gist it loads by URL at run
# time (checked on a standalone build). Those run-time loads are invisible to static analysis
# in principle, so the whole package is copied over the traced one to be certain.
COPY --from=build /app/node_modules/@electric-sql/pglite ./node_modules/@electric-sql/pglite

# Code stays owned by root (read-only for the server). Only the data folder (embedded PGlite
# and its generated auth-secret) and Next's cache are writable by the unprivileged user.
RUN mkdir -p /app/.data /app/.next/cache \
 && chown -R node:node /app/.data /app/.next/cache
USER node

# Used only when DATABASE_URL is not set: the embedded PGlite database lives in .data/pglite.
VOLUME ["/app/.data"]
EXPOSE 3000

# "/" renders from the database, so a healthy answer means the server and its database work.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

CMD ["node", "server.js"]
