// The demo portal's API, on the demo's own origin: `/api/*` is passed to the reference backend
// (src/server/reference-server.ts, which listens on its own loopback port with `basePath: '/api'`),
// and two demo-only routes show what a real backend would have sent, for the demo's panels:
//
//   GET /api/demo/outbox         → { messages: [{ id, channel: 'sms' | 'email', to, name, token, link, text }] }
//   GET /api/demo/notifications  → { notifications: [{ id, channel: 'email', to, loginId, name, acceptedAt, text }] }
//
// A real portal has neither route: its backend sends the text messages and emails itself.
import { request } from 'node:http';

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'host']);

function json(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/**
 * A request handler for `serveStatic(…, { handler })`: answers `/api` and everything below it
 * (returns true), leaves every other path to the static files (returns false).
 * `backend` is a running reference server started with `basePath: '/api'`.
 */
export function createDemoApi(backend) {
  const target = new URL(backend.url);
  const prefix = target.pathname.replace(/\/+$/, '');
  return (req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path !== prefix && !path.startsWith(`${prefix}/`)) return false;

    if (path.startsWith(`${prefix}/demo/`)) {
      if (req.method !== 'GET') json(res, 405, { code: 'request.method_not_allowed', message: 'Use GET.' });
      else if (path === `${prefix}/demo/outbox`) json(res, 200, { messages: backend.store.outbox.map((message, i) => ({ id: i + 1, ...message })) });
      else if (path === `${prefix}/demo/notifications`)
        json(res, 200, { notifications: backend.store.notifications.map((notification, i) => ({ id: i + 1, ...notification })) });
      else json(res, 404, { code: 'route.not_found', message: 'There is no such route.' });
      return true;
    }

    // Everything else under /api: pass it through to the reference backend, unchanged.
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !HOP_BY_HOP.has(name)));
    const upstream = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers }, (answer) => {
      const answerHeaders = Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !HOP_BY_HOP.has(name)));
      res.writeHead(answer.statusCode ?? 502, answerHeaders);
      answer.pipe(res);
    });
    upstream.on('error', () => {
      // The backend dropped the connection (or is gone): drop the page's connection too, as a real network would.
      if (!res.headersSent) json(res, 502, { code: 'server.unavailable', message: 'The demo backend did not answer.' });
      else res.destroy();
    });
    req.pipe(upstream);
    return true;
  };
}
