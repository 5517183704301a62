import { Attributes, Span, SpanStatusCode, trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { TracingConfig } from './config';

/**
 * OpenTelemetry traces. With OTEL_EXPORTER_OTLP_ENDPOINT set, spans go over OTLP/HTTP to that collector (the
 * exporter also reads the other OTEL_EXPORTER_OTLP_* variables, headers for instance). Unset, no provider is
 * registered and `traced` calls its function straight away: tracing then costs one function call.
 *
 * The spans: `graphql.operation` around each HTTP operation's execution (operation name and type, its cost,
 * the path that answered it, its database round trips and root fields), `graphql.subscribe` when a
 * WebSocket subscription is admitted, and one `neo4j.read` / `neo4j.write` per round trip, with its Cypher
 * text (parameterised: never a user's value), as a child of the operation. Auto-instrumenting graphql-js
 * would miss the fast path, which never calls it.
 */

let provider: NodeTracerProvider | undefined;

export function startTracing(config: TracingConfig): { shutdown(): Promise<void> } {
  if (!config.otlpEndpoint || provider) return { shutdown: async () => undefined };
  const started = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': config.serviceName }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: new URL('v1/traces', `${config.otlpEndpoint.replace(/\/$/, '')}/`).href }))],
  });
  started.register();
  provider = started;
  return {
    shutdown: async () => {
      provider = undefined;
      await started.shutdown(); // exports what is still batched
    },
  };
}

/**
 * Runs `work` inside a span named `name`, a child of the active one, ended (with the error, if any) when
 * `work` settles. Without tracing, returns `work`'s own promise: no span and no promise wrapped around it, on
 * the path every database round trip takes.
 */
export function traced<T>(name: string, attributes: Attributes, work: (span: Span | undefined) => Promise<T>): Promise<T> {
  if (!provider) return work(undefined);
  return trace.getTracer('team-knowledge-graph').startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      throw error;
    } finally {
      span.end();
    }
  });
}
