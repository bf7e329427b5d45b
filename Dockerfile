# Planning Hub: API + SPA on one port. The database comes from DATABASE_URL.
# The `planning` CLI is on PATH: `docker compose run --rm app planning list`.
FROM node:20-bookworm-slim
WORKDIR /app
RUN npm install -g pnpm@10.34.8
COPY . .
RUN pnpm install --frozen-lockfile && pnpm --filter @planning-hub/web build && pnpm build:cli \
  && ln -s /app/bin/planning /usr/local/bin/planning
ENV NODE_ENV=production PORT=8080 HOST=0.0.0.0
EXPOSE 8080
CMD ["node", "--max-old-space-size=2048", "--import", "tsx", "apps/api/src/server.ts"]
