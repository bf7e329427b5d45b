# Planning Hub: API + SPA on one port. The database comes from DATABASE_URL.
FROM node:20-bookworm-slim
WORKDIR /app
RUN npm install -g pnpm@10.34.8
COPY . .
RUN pnpm install --frozen-lockfile && pnpm --filter @planning-hub/web build
ENV NODE_ENV=production PORT=8080 HOST=0.0.0.0
EXPOSE 8080
CMD ["node", "--import", "tsx", "apps/api/src/server.ts"]
