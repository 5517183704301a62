import { randomUUID } from 'node:crypto';
import { KeyValueCache } from '@apollo/utils.keyvaluecache';
import { KeyvAdapter } from '@apollo/utils.keyvadapter';
import { PubSubEventTarget } from '@graphql-yoga/subscription';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createKeyv } from '@keyv/redis';
import { Redis, RedisOptions } from 'ioredis';
import neo4j, { BookmarkManager } from 'neo4j-driver';
import { Logger } from 'pino';
import { Config } from './config';
import { ChangeBus, ChangeTopics, createChangeBus, GRAPH_CHANGED, GraphChange, inProcessTarget } from './graph/changes';

/** How often a lost Redis connection is retried, at most: shared behaviour resumes this soon after Redis returns. */
const RECONNECT_MS = 1_000;

export type SharedStateHealth = 'in-process' | 'ok' | 'degraded';

/**
 * What several instances must share, and where it lives: in this process without REDIS_URL, in Redis with it.
 * Redis is never on a write's path, and every use of it falls back when it is down: rate limits to this
 * instance's own (OperationLimits' insurance limiter), persisted queries to a miss (the client resends the
 * query), changes to this instance's subscribers, bookmarks to this instance's own.
 */
export interface SharedState {
  /** The bus writes publish on and subscriptions listen to. */
  changes: ChangeBus;
  /** Apollo's cache (APQ); undefined = Apollo's in-process one. */
  cache?: KeyValueCache<string>;
  /** The client RateLimiterRedis counts with; undefined = in-process limits. */
  rateLimitStore?: Redis;
  /** The driver's bookmark manager, its bookmarks shared through Redis; undefined = the driver's own. */
  bookmarks?: BookmarkManager;
  keyPrefix: string;
  health(): SharedStateHealth;
  /** Redis errors seen (connection losses, failed commands), and operations that fell back to this process. */
  counts: { errors: number; fallbacks: number };
  close(): Promise<void>;
}

export type SharedStateConfig = Pick<Config, 'redisUrl' | 'redisKeyPrefix' | 'redisCacheTtlSeconds'>;

/** Everything in this process: what one instance needs, and what tests build servers with. */
export function inProcessState(): SharedState {
  return {
    changes: createChangeBus(),
    keyPrefix: '',
    health: () => 'in-process',
    counts: { errors: 0, fallbacks: 0 },
    close: async () => undefined,
  };
}

export function openSharedState(config: SharedStateConfig, log: Logger): SharedState {
  if (!config.redisUrl) return inProcessState();
  const counts = { errors: 0, fallbacks: 0 };
  let warned = false;
  const failed = (what: string) => (error: unknown) => {
    counts.errors += 1;
    // One line per outage, not one per failed command.
    if (!warned) log.warn({ err: error }, `Redis: ${what} failed; falling back to this instance until it answers again`);
    warned = true;
  };
  const options: RedisOptions = {
    // A command while Redis is down fails at once (and falls back) instead of waiting in a queue.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(100 * 2 ** attempt, RECONNECT_MS),
  };
  const commands = new Redis(config.redisUrl, options);
  const publisher = new Redis(config.redisUrl, options);
  // The subscriber queues its SUBSCRIBE until connected, and ioredis subscribes again after each reconnection.
  const subscriber = new Redis(config.redisUrl, { ...options, enableOfflineQueue: true, maxRetriesPerRequest: null });
  for (const [name, client] of [['commands', commands], ['publish', publisher], ['subscribe', subscriber]] as const) {
    client.on('error', failed(`the ${name} connection`));
    client.on('ready', () => {
      if (warned) log.info(`Redis: the ${name} connection is back`);
      warned = false;
    });
  }

  const cacheStore = createKeyv(
    { url: config.redisUrl, disableOfflineQueue: true, socket: { connectTimeout: 2_000, reconnectStrategy: (attempt: number) => Math.min(100 * 2 ** attempt, RECONNECT_MS) } },
    { namespace: `${config.redisKeyPrefix}apollo`, throwOnConnectError: false },
  );
  cacheStore.on('error', failed('the cache connection'));
  const bookmarksKey = `${config.redisKeyPrefix}bookmarks`;

  return {
    changes: createChangeBus(fanOut(publisher, subscriber, config.redisKeyPrefix, () => (counts.fallbacks += 1))),
    cache: new KeyvAdapter(cacheStore),
    rateLimitStore: commands,
    bookmarks: neo4j.bookmarkManager({
      bookmarksSupplier: async () => {
        const stored = await commands.get(bookmarksKey).catch(() => null);
        if (stored === null && commands.status !== 'ready') counts.fallbacks += 1;
        return stored ? (JSON.parse(stored) as string[]) : [];
      },
      bookmarksConsumer: async (bookmarks) => {
        await commands.set(bookmarksKey, JSON.stringify([...bookmarks])).catch(() => (counts.fallbacks += 1));
      },
    }),
    keyPrefix: config.redisKeyPrefix,
    health: () => (commands.status === 'ready' && subscriber.status === 'ready' ? 'ok' : 'degraded'),
    counts,
    close: async () => {
      commands.disconnect();
      publisher.disconnect();
      subscriber.disconnect();
      await cacheStore.disconnect().catch(() => undefined);
    },
  };
}

/**
 * An event target that delivers every change to this instance's subscribers at once, and through Redis
 * (graphql-yoga's Redis event target) to every other instance's. Each instance tags what it publishes, so
 * it never delivers its own change twice; while Redis is down, local delivery goes on.
 */
function fanOut(publisher: Redis, subscriber: Redis, prefix: string, onFallback: () => void): PubSubEventTarget<ChangeTopics> {
  const instance = randomUUID();
  const channel = `${prefix}${GRAPH_CHANGED}`;
  const local = inProcessTarget();
  // The Redis event target ignores the promises of PUBLISH and SUBSCRIBE: a publication refused while Redis is
  // down is counted here, and a refused subscription (a wrong password) is logged by the client's error event.
  const publishing = { publish: (name: string, message: string) => publisher.publish(name, message).catch(onFallback) } as unknown as Redis;
  const subscribing = {
    on: (event: string, listener: (channel: string, message: string) => void) => subscriber.on(event, listener),
    subscribe: (name: string) => subscriber.subscribe(name).catch(() => undefined),
    unsubscribe: (name: string) => subscriber.unsubscribe(name).catch(() => undefined),
  } as unknown as Redis;
  const remote = createRedisEventTarget<CustomEvent<{ instance: string; change: GraphChange }>>({ publishClient: publishing, subscribeClient: subscribing });
  remote.addEventListener(channel, (event) => {
    if (event.detail.instance !== instance) local.dispatchEvent(new CustomEvent(GRAPH_CHANGED, { detail: event.detail.change }));
  });
  return {
    addEventListener: local.addEventListener.bind(local),
    removeEventListener: local.removeEventListener.bind(local),
    dispatchEvent: (event) => {
      remote.dispatchEvent(new CustomEvent(channel, { detail: { instance, change: event.detail } }));
      return local.dispatchEvent(event);
    },
  };
}
