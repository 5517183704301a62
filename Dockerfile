# Build stage: compile TypeScript with the dev dependencies.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY scripts ./scripts
RUN npm run build

# Runtime stage: production dependencies only, non-root.
FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY cypher ./cypher
# The IDE and explorer pages and the example operations are read at run time.
COPY src/http ./src/http
COPY docs/queries ./docs/queries
USER node
EXPOSE 4000
# The same heap cap as npm start: V8 otherwise lets the heap (and RSS) grow well past what the server keeps live.
CMD ["node", "--max-old-space-size=224", "dist/src/main.js"]
