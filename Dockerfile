# Steady in a container: the same steps as the production path CI proves (.ci/production-check):
# build with the development tools, install the runtime dependencies with `npm ci --omit=dev`, start the
# built tree with `npm run start:prod`. Images cannot be built on the project's own machines, so this file
# is checked by review only; the steps it runs are the tested ones.
# Build: docker build -t steady .        Run: docker compose up -d   (see docs/deploying.md)

ARG NODE_IMAGE=node:22-slim

# 1. Build dist/ with the full (development) install.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# better-sqlite3 compiles its native module with node-gyp.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# dist/ is built; the development packages stay behind in this stage.
RUN npm run build && rm -rf node_modules

# 2. The runtime dependencies only, compiled for the same Node.
FROM ${NODE_IMAGE} AS runtime-deps
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

# 3. What runs: no compiler, no development packages, not root.
FROM ${NODE_IMAGE}
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3978 \
    DATABASE_URL=sqlite:/data/coach.db
WORKDIR /app
# The tree as checked out plus dist/ (content, migrations and the web page's files are read at run time),
# then the runtime-only node_modules: the same tree .ci/production-check starts. Owned by root, read-only
# for the user that runs it.
COPY --from=build --chown=root:root /app ./
COPY --from=runtime-deps --chown=root:root /app/node_modules ./node_modules
# The database, the Direct Line token secret and backups live in /data, owned by the unprivileged user.
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3978
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 3978) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["npm", "run", "start:prod"]
