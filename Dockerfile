# syntax=docker/dockerfile:1
# The production image: one image for both processes (the CMS and the reader site), chosen by the
# command. Built in stages so the runtime holds no dev dependencies, no build caches and no secrets.
#   docker build -t tripsitter .
#   docker run --env-file prod.env tripsitter                                   # the CMS on :3000
#   docker run --env-file prod.env tripsitter node --import tsx apps/web/server.ts   # the reader site on :3001

FROM node:20-bookworm-slim AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
COPY apps/cms/package.json apps/cms/package.json
COPY apps/web/package.json apps/web/package.json
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
# The build reads the config, which needs secrets to load; these throwaway ones exist only in this
# stage (DATA_DIR is not copied onward) and sign nothing that ships.
ENV NODE_ENV=production DATA_DIR=/tmp/build-data
RUN node --import tsx scripts/build.ts --force

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 DEPLOYMENT=1 DATA_DIR=/data HOST=0.0.0.0
COPY package.json package-lock.json ./
COPY apps/cms/package.json apps/cms/package.json
COPY apps/web/package.json apps/web/package.json
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/tsconfig.json /app/payload.config.ts ./
COPY --from=build /app/collections collections
COPY --from=build /app/src src
COPY --from=build /app/seed seed
COPY --from=build /app/scripts scripts
COPY --from=build /app/apps apps
RUN mkdir -p /data/media && chown -R node:node /data && rm -rf apps/*/.next/cache
USER node
VOLUME /data
EXPOSE 3000 3001
# The CMS's readiness (database reachable). The reader site's service overrides it with its own port.
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=6 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.CMS_PORT || 3000) + '/readyz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# The CMS's heap bound (CMS_HEAP_MB, default 512) and collection settings, as heapFlags in
# src/env.ts gives them. `exec` so that node, not the shell, receives the orchestrator's SIGTERM.
CMD exec node --max-old-space-size=${CMS_HEAP_MB:-512} --max-semi-space-size=8 --heap-growing-percent=20 --import tsx apps/cms/server.ts
