// What only the REST adapter and the reference server do: headers, credentials, time-outs, the wire
// format, CORS, and answers from a backend that misbehaves. Real HTTP on 127.0.0.1; no mocked fetch
// (a few tests wrap the real fetch to see what it was given).
import { expect } from 'chai';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AdapterError } from '../../src/core/adapter/adapter.js';
import { createRestAdapter } from '../../src/core/adapter/rest-adapter.js';
import { startReferenceServer, type ReferenceServer } from '../../src/server/reference-server.js';
import { sendInvitations } from '../../src/core/send/index.js';

const ann = { clientRowId: 'r-ann', loginType: 'email', loginId: 'ann@example.com', email: 'ann@example.com', name: 'Ann' } as const;
const ctx = () => ({ signal: new AbortController().signal });

/** A throwaway HTTP server answering every request with `status` and `body` (a misbehaving backend). */
async function fakeBackend(status: number, body: string, headers: Record<string, string> = {}): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

async function rejection(promise: Promise<unknown>): Promise<AdapterError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(AdapterError);
    return error as AdapterError;
  }
  throw new Error('expected a rejection');
}

describe('createRestAdapter over HTTP', () => {
  let server: ReferenceServer;
  afterEach(async () => {
    await server?.close();
  });

  it('speaks the wire format: routes, JSON bodies, Idempotency-Key, headers from an object', async () => {
    server = await startReferenceServer({ basePath: '/api/enroll' });
    const seen: Array<{ url: string; method: string; headers: Record<string, string>; body: unknown }> = [];
    const adapter = createRestAdapter({
      endpoint: `${server.url}/`,
      headers: { authorization: 'Bearer abc' },
      credentials: 'include',
      fetch: (input, init) => {
        seen.push({ url: String(input), method: init?.method ?? 'GET', headers: init?.headers as Record<string, string>, body: init?.body ? JSON.parse(String(init.body)) : undefined });
        expect(init?.credentials).to.equal('include');
        return fetch(input, init);
      },
    });
    await adapter.inviteUsers([ann], { ...ctx(), idempotencyKey: 'bk-1' });
    const token = server.store.tokenFor(ann.loginId)!;
    await adapter.findExistingLoginIds(['ann@example.com'], ctx());
    await adapter.getInvitation(token, ctx());
    await adapter.acceptInvitation(token, 'correct horse battery staple', ctx());
    expect(seen.map((s) => [s.method, s.url.slice(server.url.length)])).to.deep.equal([
      ['POST', '/invitations/batch'],
      ['POST', '/login-ids/lookup'],
      ['GET', `/invitations/${token}`],
      ['POST', `/invitations/${token}/accept`],
    ]);
    expect(seen[0]!.headers).to.include({ 'idempotency-key': 'bk-1', 'content-type': 'application/json', authorization: 'Bearer abc' });
    expect(seen[0]!.body).to.deep.equal({ invitations: [ann] });
    expect(seen[1]!.body).to.deep.equal({ loginIds: ['ann@example.com'] });
    expect(seen[3]!.body).to.deep.equal({ password: 'correct horse battery staple' });
    expect(server.store.received[0]!.idempotencyKey).to.equal('bk-1');
  });

  it('asks an async headers function before every request, so that a host can refresh its token', async () => {
    server = await startReferenceServer();
    let calls = 0;
    const sent: string[] = [];
    const adapter = createRestAdapter({
      endpoint: server.url,
      headers: async () => ({ authorization: `Bearer t${++calls}` }),
      fetch: (input, init) => {
        sent.push((init?.headers as Record<string, string>)['authorization']!);
        return fetch(input, init);
      },
    });
    await adapter.inviteUsers([ann], { ...ctx(), idempotencyKey: 'k' });
    await adapter.findExistingLoginIds(['x@example.com'], ctx());
    expect(sent).to.deep.equal(['Bearer t1', 'Bearer t2']);
  });

  it('times out: kind timeout, retryable', async () => {
    server = await startReferenceServer({ faults: { rate: 1, kinds: ['delay'], delayMs: 200 } });
    const adapter = createRestAdapter({ endpoint: server.url, timeoutMs: 50 });
    const error = await rejection(adapter.inviteUsers([ann], { ...ctx(), idempotencyKey: 'k' }));
    expect([error.kind, error.retryable]).to.deep.equal(['timeout', true]);
    await server.idle();
  });

  it('rejects with the AbortError, not an AdapterError, when the caller cancels mid-request', async () => {
    server = await startReferenceServer({ faults: { rate: 1, kinds: ['delay'], delayMs: 200 } });
    const controller = new AbortController();
    const adapter = createRestAdapter({
      endpoint: server.url,
      fetch: (input, init) => {
        const answer = fetch(input, init);
        controller.abort();
        return answer;
      },
    });
    try {
      await adapter.inviteUsers([ann], { signal: controller.signal, idempotencyKey: 'k' });
      expect.fail('should reject');
    } catch (error) {
      expect(error).to.not.be.instanceOf(AdapterError);
      expect((error as Error).name).to.equal('AbortError');
    }
    await server.idle();
  });

  it('network: nothing listening', async () => {
    server = await startReferenceServer();
    const url = server.url;
    await server.close();
    const error = await rejection(createRestAdapter({ endpoint: url }).inviteUsers([ann], { ...ctx(), idempotencyKey: 'k' }));
    expect([error.kind, error.status, error.retryable]).to.deep.equal(['network', undefined, true]);
  });

  it('maps statuses of a foreign backend: 401 rejected with its code, 408 timeout, 502 server, 429 with an HTTP-date Retry-After', async () => {
    const cases: Array<[number, string, Record<string, string>, string, string | undefined]> = [
      [401, '{"code":"auth.required","message":"Sign in again."}', {}, 'rejected', 'auth.required'],
      [408, '', {}, 'timeout', undefined],
      [502, '<html>Bad gateway</html>', {}, 'server', undefined],
      [429, '{"code":"rate_limited","message":"Slow down."}', { 'retry-after': new Date(Date.now() + 30_000).toUTCString() }, 'server', 'rate_limited'],
    ];
    for (const [status, body, headers, kind, code] of cases) {
      const backend = await fakeBackend(status, body, headers);
      try {
        const error = await rejection(createRestAdapter({ endpoint: backend.url }).inviteUsers([ann], { ...ctx(), idempotencyKey: 'k' }));
        expect([error.status, error.kind, error.code], String(status)).to.deep.equal([status, kind, code]);
        expect(error.message).to.not.be.empty;
        if (status === 401) expect(error.message).to.equal('Sign in again.');
        if (status === 429) expect(error.retryAfterMs).to.be.within(28_000, 30_000);
      } finally {
        backend.server.close();
      }
    }
  });

  it('treats an unreadable 200 as a retryable server error', async () => {
    for (const body of ['not json', '{"results":"nope"}', '{"results":[{"clientRowId":1,"status":"invited"}]}', '{"results":[{"clientRowId":"a","status":"maybe"}]}']) {
      const backend = await fakeBackend(200, body);
      try {
        const error = await rejection(createRestAdapter({ endpoint: backend.url }).inviteUsers([ann], { ...ctx(), idempotencyKey: 'k' }));
        expect([error.kind, error.code, error.retryable], body).to.deep.equal(['server', 'response.invalid', true]);
      } finally {
        backend.server.close();
      }
    }
  });
});

describe('reference server', () => {
  let server: ReferenceServer;
  afterEach(async () => {
    await server?.close();
  });

  it('binds to loopback only', async () => {
    server = await startReferenceServer();
    expect(server.url).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
    let refused: unknown;
    try {
      await startReferenceServer({ host: '0.0.0.0' });
    } catch (error) {
      refused = error;
    }
    expect(refused).to.be.instanceOf(Error);
  });

  it('requires an Idempotency-Key and answers errors as { code, message }', async () => {
    server = await startReferenceServer();
    const post = (path: string, body: string, headers: Record<string, string> = {}) =>
      fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const checks: Array<[Response, number, string]> = [
      [await post('/invitations/batch', JSON.stringify({ invitations: [ann] })), 400, 'idempotency.key_required'],
      [await post('/invitations/batch', '{oops', { 'idempotency-key': 'k' }), 400, 'request.invalid_json'],
      [await post('/invitations/batch', '{"invitations":{}}', { 'idempotency-key': 'k' }), 400, 'request.invalid'],
      [await post('/login-ids/lookup', '{"loginIds":[1]}'), 400, 'request.invalid'],
      [await post('/nowhere', '{}'), 404, 'route.not_found'],
      [await fetch(`${server.url}/invitations/batch`), 405, 'request.method_not_allowed'],
    ];
    for (const [response, status, code] of checks) {
      expect(response.status, code).to.equal(status);
      expect(response.headers.get('content-type')).to.contain('application/json');
      const body = (await response.json()) as { code: string; message: string };
      expect(body.code).to.equal(code);
      expect(body.message).to.be.a('string').and.not.be.empty;
    }
  });

  it('refuses a body over the limit with 413', async () => {
    server = await startReferenceServer({ maxBodyBytes: 1000 });
    const response = await fetch(`${server.url}/invitations/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'k' },
      body: JSON.stringify({ invitations: [{ ...ann, name: 'x'.repeat(2000) }] }),
    });
    expect(response.status).to.equal(413);
    expect(((await response.json()) as { code: string }).code).to.equal('request.too_large');
  });

  it('lets pages on other loopback ports call it (CORS), and no one else', async () => {
    server = await startReferenceServer();
    const preflight = await fetch(`${server.url}/invitations/batch`, {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:8000', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,idempotency-key' },
    });
    expect(preflight.status).to.equal(204);
    expect(preflight.headers.get('access-control-allow-origin')).to.equal('http://127.0.0.1:8000');
    expect(preflight.headers.get('access-control-allow-headers')).to.match(/idempotency-key/i);
    expect(preflight.headers.get('access-control-allow-methods')).to.contain('POST');
    const answer = await fetch(`${server.url}/invitations/nope`, { headers: { origin: 'http://localhost:5173' } });
    expect(answer.headers.get('access-control-allow-origin')).to.equal('http://localhost:5173');
    const foreign = await fetch(`${server.url}/invitations/nope`, { headers: { origin: 'https://evil.example' } });
    expect(foreign.headers.get('access-control-allow-origin')).to.equal(null);
  });

  it('counts the faults it injects, by kind', async () => {
    let i = 0;
    const sequence = [0, 0.01, 0, 0.2, 0, 0.4, 0, 0.6, 0, 0.8, 0.99];
    server = await startReferenceServer({
      faults: { rate: 0.5, kinds: ['status500', 'status503', 'status429', 'drop', 'lost_answer'], retryAfterSeconds: 0, random: () => sequence[i++ % sequence.length]! },
    });
    const report = await sendInvitations([ann], createRestAdapter({ endpoint: server.url }), { retries: 10, backoff: { baseMs: 1, maxMs: 2 } });
    expect(report.summary.invited).to.equal(1);
    expect(server.stats.faults).to.deep.equal({ status500: 1, status503: 1, status429: 1, drop: 1, delay: 0, lost_answer: 1 });
    expect(server.store.invitations.size).to.equal(1);
  });
});
