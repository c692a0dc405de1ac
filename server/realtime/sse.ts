import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Server } from 'node:http';

/** Comment lines keep proxies and the browser from closing an idle stream. */
export const HEARTBEAT_MS = 15_000;

export interface SseStream {
  /** Sends one event (`event:` line when a name is given; data is JSON-encoded). False once closed. */
  send(event: string | null, data: unknown, id?: string): boolean;
  /** Ends the stream from the server side. */
  close(): void;
  readonly closed: boolean;
}

export interface SseOptions {
  /** Called once when the client goes away or the stream is closed; release subscriptions here. */
  onClose?: () => void | Promise<void>;
  heartbeatMs?: number;
  /** How long EventSource waits before reconnecting (sent as `retry:`). */
  retryMs?: number;
}

const openStreams = new WeakMap<object, Set<SseStream>>();

/**
 * Ends every open stream of this server before it closes: a hijacked stream is invisible to Fastify,
 * so without this `app.close()` would wait for the clients to hang up. Call once from a module's setup.
 */
export function closeStreamsOnShutdown(app: FastifyInstance): void {
  app.addHook('preClose', async () => {
    for (const stream of openStreams.get(app.server as Server) ?? []) stream.close();
  });
}

/**
 * Turns a Fastify reply into a Server-Sent Events stream: the reply is hijacked (Fastify no longer
 * serialises or compresses it) and the raw socket gets `text/event-stream` with heartbeats; closing the
 * request on either side stops the heartbeat and calls onClose exactly once.
 */
export function openSseStream(request: FastifyRequest, reply: FastifyReply, options: SseOptions = {}): SseStream {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    // nginx and similar proxies buffer responses unless told not to.
    'x-accel-buffering': 'no',
  });
  raw.write(`retry: ${options.retryMs ?? 2000}\n\n`);
  raw.socket?.setNoDelay(true);
  let closed = false;
  const heartbeat = setInterval(() => {
    if (!closed) raw.write(`: hartslag ${Date.now()}\n\n`);
  }, options.heartbeatMs ?? HEARTBEAT_MS);
  heartbeat.unref();

  const finish = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    Promise.resolve(options.onClose?.()).catch((error: unknown) => request.log.warn({ err: error }, 'sse cleanup failed'));
  };
  request.raw.on('close', finish);
  raw.on('close', finish);
  raw.on('error', finish);

  const streams = openStreams.get(request.server.server) ?? new Set<SseStream>();
  openStreams.set(request.server.server, streams);
  const stream: SseStream = {
    send(event, data, id) {
      if (closed || raw.writableEnded) return false;
      let frame = '';
      if (id) frame += `id: ${id}\n`;
      if (event) frame += `event: ${event}\n`;
      frame += `data: ${JSON.stringify(data)}\n\n`;
      raw.write(frame);
      return true;
    },
    close() {
      if (!raw.writableEnded) raw.end();
      streams.delete(stream);
      finish();
    },
    get closed() {
      return closed;
    },
  };
  streams.add(stream);
  const forget = () => streams.delete(stream);
  raw.on('close', forget);
  return stream;
}
