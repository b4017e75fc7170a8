/**
 * Fault injection between a sync engine and a server: wraps any `fetch` and, for the next request to a
 * route, resets the connection before the server sees it or after it committed (the response is lost),
 * answers with an error status, hangs until the caller's timeout, freezes forever (a killed background
 * never hears back), or runs something first (another device pushing between two pull pages). It can also
 * stand for a reverse proxy with a smaller body limit than the server's, answering 413 itself.
 */
import type { FetchLike } from '../../../../src/background/sync/transport';

/** The protocol's routes. */
export type Route = 'enrol' | 'push' | 'pull';

/** What to do to one request. */
export type Fault =
  | { kind: 'pass' }
  | { kind: 'reset-before' }
  | { kind: 'reset-after' }
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: unknown }
  | { kind: 'hang' }
  | { kind: 'freeze'; isAfterServer?: boolean }
  | { kind: 'garbage' }
  | { kind: 'before'; run: () => Promise<unknown> };

const routeOf = (url: string): Route => new URL(url).pathname.replace('/v1/', '') as Route;

/** A network between one device and the server. */
export class FaultyNetwork {
  private readonly queue: Array<{ route: Route; fault: Fault }> = [];
  /** Every request the device made, by route (including failed ones). */
  readonly calls: Route[] = [];
  /** Every push body the device sent. */
  readonly pushes: unknown[] = [];
  isOffline = false;
  /**
   * A proxy in front of the server refusing bodies over this many bytes with 413 before the server sees
   * them (nginx's `client_max_body_size`); the engine keeps its batches under the server's own limit.
   */
  maxBodyBytes = Number.POSITIVE_INFINITY;

  constructor(private readonly inner: FetchLike) {}

  /** Queues faults for the next requests to `route`, one per request, in order. */
  inject(route: Route, ...faults: Fault[]): void {
    for (const fault of faults) this.queue.push({ route, fault });
  }

  /** Faults not used yet. */
  get pending(): number {
    return this.queue.length;
  }

  readonly fetch: FetchLike = async (url, init) => {
    const route = routeOf(url);
    this.calls.push(route);
    if (route === 'push' && typeof init.body === 'string') this.pushes.push(JSON.parse(init.body));
    if (this.isOffline) throw new TypeError('fetch failed');
    if (typeof init.body === 'string' && new TextEncoder().encode(init.body).length > this.maxBodyBytes)
      return new Response('<html><body>413 Request Entity Too Large</body></html>', { status: 413 });
    const index = this.queue.findIndex((q) => q.route === route);
    const fault = index >= 0 ? this.queue.splice(index, 1)[0]!.fault : undefined;
    return this.apply(fault, url, init);
  };

  private async apply(fault: Fault | undefined, url: string, init: RequestInit): Promise<Response> {
    switch (fault?.kind) {
      case undefined:
      case 'pass':
        return this.inner(url, init);
      case 'reset-before':
        throw new TypeError('fetch failed: ECONNRESET');
      case 'reset-after':
        await this.inner(url, init);
        throw new TypeError('fetch failed: ECONNRESET');
      case 'status':
        return new Response(JSON.stringify(fault.body ?? { error: 'injected' }), {
          status: fault.status,
          headers: fault.headers ?? {},
        });
      case 'hang':
        return new Promise((_, reject) => {
          const signal = init.signal;
          signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
        });
      case 'freeze':
        if (fault.isAfterServer) await this.inner(url, init);
        return new Promise(() => undefined);
      case 'garbage':
        return new Response(JSON.stringify({ notes: 'nope' }), { status: 200 });
      case 'before':
        await fault.run();
        return this.inner(url, init);
    }
  }
}
