/**
 * The reference backend: a small Node HTTP server that implements the whole REST contract (CONTRACT §5,
 * docs/backend.md) over an in-memory store. It serves the tests, the demo and the benchmark, and it is the
 * model for backend implementers: every route, status and error body here is what the client expects.
 *
 * Node only (`node:http`). It binds to 127.0.0.1 only. Fault injection (on purpose, by options) lets tests
 * prove that the client loses nobody and invites nobody twice over a flaky network.
 * @module
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { AdapterError } from '../core/adapter/adapter.js';
import { createInvitationStore, FAULT_KINDS, type FaultKind, type InvitationStore, type InvitationStoreOptions } from '../core/adapter/memory-adapter.js';

/** Which routes faults are injected on. */
export const FAULT_ROUTES = ['batch', 'lookup', 'invitation', 'accept'] as const;
/** One of {@link FAULT_ROUTES}. */
export type FaultRoute = (typeof FAULT_ROUTES)[number];

/** Fault injection of the reference server. */
export interface FaultOptions {
  /** Share of requests, 0–1, that get a fault. */
  rate: number;
  /** The faults to pick from, evenly. Default: all of {@link FAULT_KINDS}. */
  kinds?: readonly FaultKind[];
  /** Routes faults apply to. Default `['batch', 'lookup']`. */
  routes?: readonly FaultRoute[];
  /** `Retry-After` of 429 answers, in seconds. Default 1. */
  retryAfterSeconds?: number;
  /** How long a `delay` fault holds the request before processing and answering; exceed the client's time-out. Default 5000. */
  delayMs?: number;
  /** Random source (tests pass a seeded one). Default `Math.random`. */
  random?: () => number;
}

/** Options of {@link startReferenceServer}: the store's rules plus the transport's. */
export interface ReferenceServerOptions extends InvitationStoreOptions {
  /** Port; 0 (default) picks a free one. */
  port?: number;
  /** A loopback IPv4 address (127.x.x.x). Default `127.0.0.1`; anything else is refused. */
  host?: string;
  /** Path prefix of every route, e.g. `/api/enroll`. Default `''`. The `url` returned includes it: use it as the `endpoint`. */
  basePath?: string;
  /** Largest request body accepted, in bytes (more: 413 `request.too_large`). Default 5 MiB. */
  maxBodyBytes?: number;
  /** Origins allowed by CORS: `'loopback'` (default: any `http://127.0.0.1:*` or `http://localhost:*` page), or a list. */
  allowedOrigins?: 'loopback' | readonly string[];
  /** Fault injection; off by default. */
  faults?: FaultOptions;
  /** Called with one line per request (method, path, status, fault). */
  log?: (line: string) => void;
}

/** What the server did, for tests and the benchmark. */
export interface ReferenceServerStats {
  /** Requests received (preflights excluded). */
  requests: number;
  /** Requests per route. */
  byRoute: Record<FaultRoute | 'other', number>;
  /** Faults injected, by kind. */
  faults: Record<FaultKind, number>;
}

/** A running reference server. */
export interface ReferenceServer {
  /** The endpoint to give `createRestAdapter`, e.g. `http://127.0.0.1:41234` (with the base path). */
  readonly url: string;
  /** The backend's state: invitations, outbox, notifications, counters, `tokenFor`, `expire`. */
  readonly store: InvitationStore;
  /** Requests and faults so far. */
  readonly stats: ReferenceServerStats;
  /** Resolves when no request is being processed (delayed ones included). */
  idle(): Promise<void>;
  /** Stops listening, drops open connections and cancels delayed processing. */
  close(): Promise<void>;
}

const LOOPBACK = /^http:\/\/(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|\[::1\])(:\d+)?$/;

class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new HttpError(413, 'request.too_large', `The body is larger than ${limit} bytes.`));
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'request.invalid_json', 'The body is not valid JSON.');
  }
}

/**
 * Starts the reference backend on 127.0.0.1.
 *
 * Routes (below `basePath`):
 * - `POST /invitations/batch` (header `Idempotency-Key`, body `{ invitations }`) → `200 { results }`;
 * - `POST /login-ids/lookup` (body `{ loginIds }`) → `200 { existing }` (404 when `loginIdLookup: false`);
 * - `GET /invitations/{token}` → `200 Invitation`, 404 unknown token;
 * - `POST /invitations/{token}/accept` (body `{ password }`) → `200 { status: 'accepted' }`, 404, 409 already
 *   accepted, 410 expired, 422 `password.weak`.
 *
 * Every error answer is `{ code, message }`. CORS lets pages on other loopback ports call it.
 */
export async function startReferenceServer(options: ReferenceServerOptions = {}): Promise<ReferenceServer> {
  const host = options.host ?? '127.0.0.1';
  if (!/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)) throw new Error(`The reference server binds to loopback only (127.x.x.x), not ${host}.`);
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  const maxBody = options.maxBodyBytes ?? 5 * 1024 * 1024;
  const store = createInvitationStore(options);
  const faultOptions = options.faults;
  const faultKinds = faultOptions?.kinds?.length ? faultOptions.kinds : FAULT_KINDS;
  const faultRoutes = new Set<FaultRoute>(faultOptions?.routes ?? ['batch', 'lookup']);
  const faultRandom = faultOptions?.random ?? Math.random;
  const stats: ReferenceServerStats = {
    requests: 0,
    byRoute: { batch: 0, lookup: 0, invitation: 0, accept: 0, other: 0 },
    faults: Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Record<FaultKind, number>,
  };
  const sockets = new Set<Socket>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let busy = 0;
  let idleWaiters: Array<() => void> = [];
  let closed = false;

  const allowOrigin = (origin: string | undefined): string | undefined => {
    if (!origin) return undefined;
    const allowed = options.allowedOrigins ?? 'loopback';
    if (allowed === 'loopback' ? LOOPBACK.test(origin) : allowed.includes(origin)) return origin;
    return undefined;
  };

  const send = (req: IncomingMessage, res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) => {
    if (res.headersSent || res.destroyed) return;
    const origin = allowOrigin(req.headers.origin);
    res.writeHead(status, {
      ...(body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
      'cache-control': 'no-store',
      vary: 'Origin',
      ...(origin ? { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true', 'access-control-expose-headers': 'Retry-After' } : {}),
      ...headers,
    });
    res.end(body === undefined ? undefined : JSON.stringify(body));
  };
  const fail = (req: IncomingMessage, res: ServerResponse, status: number, code: string, message: string, headers?: Record<string, string>) =>
    send(req, res, status, { code, message }, headers);

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  /** Which route a request is for, with the token when there is one. */
  const route = (method: string, path: string): { route: FaultRoute; token?: string } | { error: HttpError } => {
    if (path === '/invitations/batch') return method === 'POST' ? { route: 'batch' } : { error: new HttpError(405, 'request.method_not_allowed', 'Use POST.') };
    if (path === '/login-ids/lookup') return method === 'POST' ? { route: 'lookup' } : { error: new HttpError(405, 'request.method_not_allowed', 'Use POST.') };
    const accept = /^\/invitations\/([^/]+)\/accept$/.exec(path);
    if (accept) return method === 'POST' ? { route: 'accept', token: decodeURIComponent(accept[1]!) } : { error: new HttpError(405, 'request.method_not_allowed', 'Use POST.') };
    const invitation = /^\/invitations\/([^/]+)$/.exec(path);
    if (invitation) return method === 'GET' ? { route: 'invitation', token: decodeURIComponent(invitation[1]!) } : { error: new HttpError(405, 'request.method_not_allowed', 'Use GET.') };
    return { error: new HttpError(404, 'route.not_found', 'There is no such route.') };
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (method === 'OPTIONS') {
      // CORS preflight: any loopback page may call every route with JSON, the Idempotency-Key and credentials.
      const origin = allowOrigin(req.headers.origin);
      res.writeHead(204, {
        ...(origin
          ? {
              'access-control-allow-origin': origin,
              'access-control-allow-credentials': 'true',
              'access-control-allow-methods': 'GET, POST, OPTIONS',
              'access-control-allow-headers': 'Content-Type, Idempotency-Key, Authorization',
              'access-control-max-age': '600',
            }
          : {}),
        vary: 'Origin',
      });
      res.end();
      return;
    }
    stats.requests++;
    if (!url.pathname.startsWith(basePath)) throw new HttpError(404, 'route.not_found', 'There is no such route.');
    const matched = route(method, url.pathname.slice(basePath.length) || '/');
    if ('error' in matched) {
      stats.byRoute.other++;
      throw matched.error;
    }
    stats.byRoute[matched.route]++;

    const fault = faultOptions && faultRoutes.has(matched.route) && faultRandom() < faultOptions.rate ? faultKinds[Math.floor(faultRandom() * faultKinds.length)] : undefined;
    if (fault) stats.faults[fault]++;
    if (fault === 'drop') {
      // The connection drops before anything is processed.
      req.socket.destroy();
      return;
    }
    const text = await readBody(req, maxBody);
    if (fault === 'status500') return fail(req, res, 500, 'server.error', 'Injected fault: internal error.');
    if (fault === 'status503') return fail(req, res, 503, 'server.unavailable', 'Injected fault: unavailable.');
    if (fault === 'status429')
      return fail(req, res, 429, 'rate_limited', 'Injected fault: too many requests.', { 'retry-after': String(faultOptions?.retryAfterSeconds ?? 1) });
    if (fault === 'delay') {
      // Held past the client's time-out, then processed and answered (to nobody, usually).
      await wait(faultOptions?.delayMs ?? 5000);
      if (closed) return;
    }

    let status = 200;
    let answer: unknown;
    switch (matched.route) {
      case 'batch': {
        const key = req.headers['idempotency-key'];
        answer = { results: store.inviteBatch(parseJson(text), Array.isArray(key) ? key[0] : key) };
        break;
      }
      case 'lookup':
        answer = { existing: store.lookupLoginIds(parseJson(text)) };
        break;
      case 'invitation':
        answer = store.getInvitation(matched.token!);
        break;
      case 'accept':
        answer = store.acceptInvitation(matched.token!, parseJson(text));
        break;
      default:
        status = 500;
    }
    if (fault === 'lost_answer') {
      // The batch was processed; the answer never reaches the client.
      req.socket.destroy();
      return;
    }
    send(req, res, status, answer);
  }

  const server = createServer((req, res) => {
    busy++;
    handle(req, res)
      .catch((error: unknown) => {
        if (error instanceof HttpError) return fail(req, res, error.status, error.code, error.message);
        if (error instanceof AdapterError && error.status) return fail(req, res, error.status, error.code ?? `request.${error.kind}`, error.message);
        options.log?.(`error: ${String(error)}`);
        return fail(req, res, 500, 'server.error', 'The server had an internal error.');
      })
      .finally(() => {
        options.log?.(`${req.method} ${req.url} ${res.statusCode}${res.headersSent ? '' : ' (no answer)'}`);
        if (--busy === 0) {
          const waiters = idleWaiters;
          idleWaiters = [];
          for (const resolve of waiters) resolve();
        }
      });
  });
  server.keepAliveTimeout = 5000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${host}:${port}${basePath}`,
    store,
    stats,
    idle: () => (busy === 0 ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve))),
    close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
        // Delayed requests whose timers were cleared never finish on their own.
        busy = 0;
        for (const waiter of idleWaiters) waiter();
        idleWaiters = [];
      });
    },
  };
}
