import { FormattedExecutionResult } from 'graphql';
import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { waitFor } from './processes';

/** The WebSocket URL of a server's /graphql. */
export function wsUrl(httpUrl: string): string {
  return `${httpUrl.replace(/^http/, 'ws')}/graphql`;
}

/** graphql-ws's own client, as a front-end app creates it (on Node, with `ws`), that gives up instead of retrying. */
export function graphqlWsClient(httpUrl: string, connectionParams?: Record<string, unknown>): Client {
  return createClient({ url: wsUrl(httpUrl), webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazy: true });
}

/** The events a subscription delivers, as they come. */
export class Events<T = Record<string, any>> {
  readonly received: FormattedExecutionResult<T, unknown>[] = [];
  private readonly stop: () => void;
  closed?: unknown;

  constructor(client: Client, query: string, variables?: Record<string, unknown>) {
    this.stop = client.subscribe<T>(
      { query, variables },
      {
        next: (result) => this.received.push(result),
        // graphql-ws hands an `error` message's GraphQL errors to the sink's error: kept as a result with errors.
        error: (error) => {
          if (Array.isArray(error)) this.received.push({ errors: error });
          this.closed = error ?? 'error';
        },
        complete: () => (this.closed ??= 'complete'),
      },
    );
  }

  /** Waits until `count` events have arrived and answers them. */
  async take(count: number, timeoutMs = 10_000): Promise<FormattedExecutionResult<T, unknown>[]> {
    await waitFor(() => this.received.length >= count || this.closed !== undefined, timeoutMs, `${count} subscription events`);
    return this.received.slice(0, count);
  }

  unsubscribe(): void {
    this.stop();
  }
}

/** Reads one metric's value from /metrics. */
export async function metric(httpUrl: string, name: string): Promise<number> {
  const text = await (await fetch(`${httpUrl}/metrics`)).text();
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name} `));
  if (!line) throw new Error(`/metrics has no ${name}`);
  return Number(line.split(' ')[1]);
}

/**
 * Waits until the server runs `count` subscriptions, so that a write made next is heard. graphql-ws has no
 * "subscribed" acknowledgement; the server's gauge moves as each subscription starts listening. Counts are
 * absolute: a test that ends subscriptions waits for noSubscriptionsRunning before the next one starts.
 */
export async function subscriptionsRunning(httpUrl: string, count: number): Promise<void> {
  await waitFor(async () => (await metric(httpUrl, 'graphql_ws_subscriptions_active')) >= count, 10_000, `${count} running subscriptions`);
  await new Promise((resolve) => setTimeout(resolve, 50));
}

/** Waits until every subscription the server ran has ended (they end a moment after their client goes). */
export async function noSubscriptionsRunning(httpUrl: string): Promise<void> {
  await waitFor(async () => (await metric(httpUrl, 'graphql_ws_subscriptions_active')) === 0, 10_000, 'no running subscription');
}
