import { request as httpRequest, type IncomingMessage } from 'node:http';

export interface SseMessage {
  event: string;
  data: string;
  /** performance.now() when the message's last line arrived. */
  receivedAt: number;
}

export interface SseConnection {
  /** Resolves with the next message that matches (messages that arrived earlier count too). */
  next(match?: (message: SseMessage) => boolean, timeoutMs?: number): Promise<SseMessage>;
  close(): void;
  readonly status: number;
}

/**
 * A minimal EventSource over node:http for tests and benchmarks: a real HTTP request that reads the
 * text/event-stream as it arrives (no reconnects). Resolves once the response headers are in.
 */
export function connectSse(url: string, headers: Record<string, string> = {}): Promise<SseConnection> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { headers: { accept: 'text/event-stream', ...headers } }, (response: IncomingMessage) => {
      const backlog: SseMessage[] = [];
      const waiters: { match: (message: SseMessage) => boolean; resolve: (message: SseMessage) => void }[] = [];
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let event = 'message';
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith('event:')) event = line.slice(6).trim();
            else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
          }
          if (data.length === 0) continue;
          const message = { event, data: data.join('\n'), receivedAt: performance.now() };
          const waiter = waiters.findIndex((candidate) => candidate.match(message));
          if (waiter === -1) backlog.push(message);
          else waiters.splice(waiter, 1)[0]!.resolve(message);
        }
      });
      resolve({
        status: response.statusCode ?? 0,
        next(match = () => true, timeoutMs = 10_000) {
          const index = backlog.findIndex(match);
          if (index !== -1) return Promise.resolve(backlog.splice(index, 1)[0]!);
          return new Promise((done, fail) => {
            const waiter = { match, resolve: (message: SseMessage) => (clearTimeout(timer), done(message)) };
            const timer = setTimeout(() => {
              // A waiter that gave up must not swallow a later message.
              waiters.splice(waiters.indexOf(waiter), 1);
              fail(new Error(`no matching SSE message within ${timeoutMs} ms`));
            }, timeoutMs);
            waiters.push(waiter);
          });
        },
        close() {
          request.destroy();
          response.destroy();
        },
      });
    });
    request.on('error', reject);
    request.end();
  });
}
