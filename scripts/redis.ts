import { ConfigError, readConfig } from '../src/config';
import { findLocalRedis, LocalRedisError, startLocalRedis, stopLocalRedis } from './processes/local-redis';

/**
 * node dist/scripts/redis.js start|stop|status: the local Redis (Debian's redis-server) on 127.0.0.1, with
 * REDIS_HOME, REDIS_PORT, REDIS_PASSWORD and REDIS_MAXMEMORY (see the README). The server uses it when
 * REDIS_URL names it.
 */
async function main(command: string | undefined): Promise<void> {
  const { localRedis } = readConfig();
  switch (command) {
    case 'start': {
      const redis = await startLocalRedis(localRedis);
      const shown = redis.url.replace(/:[^:@/]*@/, ':***@');
      console.log(
        `${redis.startedHere ? 'Redis running' : 'Redis already running'} at ${shown} (pid ${redis.pid}, files in ${localRedis.home}).\n` +
          `Use it: REDIS_URL=${shown} npm start   Stop it: npm run redis:stop`,
      );
      return;
    }
    case 'stop':
      console.log((await stopLocalRedis(localRedis.home)) ? `Stopped the Redis in ${localRedis.home}` : `No Redis running for ${localRedis.home}`);
      return;
    case 'status': {
      const pid = findLocalRedis(localRedis.home);
      console.log(pid ? `Redis running on port ${localRedis.port} (pid ${pid}, home ${localRedis.home})` : `No Redis running for ${localRedis.home}`);
      if (!pid) process.exitCode = 3;
      return;
    }
    default:
      console.error('usage: node dist/scripts/redis.js start|stop|status');
      process.exitCode = 2;
  }
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof LocalRedisError || error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
