// The demo portal, as `npm start` runs it and as the end-to-end test starts it:
// - builds the library with rollup (unless `build: false`);
// - starts the reference backend (src/server/reference-server.ts, loaded through tsx) on 127.0.0.1;
// - serves demo/ and dist/ on 127.0.0.1 with the backend mounted at /api on the same origin
//   (scripts/demo-backend.mjs), so the page says `<bulk-upload endpoint="/api">` and nothing else;
// - with `watch: true`, rebuilds on change.
// Invitation links point at the demo's invitee page: `<demo url>/invite.html?token=…`.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import { serveStatic } from './static-server.mjs';
import { createDemoApi } from './demo-backend.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const rollup = join(root, 'node_modules', '.bin', 'rollup');

/** Login IDs that already have an account in the demo (the look-up before sending rejects them). */
export const DEMO_EXISTING_LOGIN_IDS = ['it.support@acme.example'];

/**
 * Starts the demo. `port`: the port to try first (0: any free one); when it is taken and `fallback`
 * is true (default), a free one is used instead. `log(line)` receives one line per API request.
 * Resolves to `{ url, backend, close() }`.
 */
export async function startDemo({ port = 0, fallback = true, build = true, watch = false, log } = {}) {
  if (build) {
    const built = spawnSync(rollup, ['-c', '--silent'], { cwd: root, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('The build failed (rollup -c): see above.');
  }

  const { startReferenceServer } = await tsImport('../src/server/reference-server.ts', import.meta.url);
  let base = '';
  const backend = await startReferenceServer({
    host: '127.0.0.1',
    basePath: '/api',
    inviteUrl: (token) => `${base}invite.html?token=${encodeURIComponent(token)}`,
    adminEmail: 'admin@acme.example',
    existingLoginIds: DEMO_EXISTING_LOGIN_IDS,
    ...(log ? { log } : {}),
  });

  const mounts = { '/dist/': join(root, 'dist'), '/': join(root, 'demo') };
  const handler = createDemoApi(backend);
  let served;
  try {
    served = await serveStatic(mounts, { port, handler });
  } catch (error) {
    if (!fallback || port === 0 || !['EADDRINUSE', 'EACCES'].includes(error?.code)) {
      await backend.close();
      throw error;
    }
    served = await serveStatic(mounts, { port: 0, handler });
  }
  base = served.url;

  const watcher = watch ? spawn(rollup, ['-c', '-w', '--silent', '--no-watch.clearScreen'], { cwd: root, stdio: 'inherit' }) : undefined;

  let closing;
  return {
    url: served.url,
    backend,
    close() {
      closing ??= (async () => {
        watcher?.kill();
        await Promise.all([
          new Promise((resolve) => {
            served.server.close(() => resolve());
            served.server.closeAllConnections();
          }),
          backend.close(),
        ]);
      })();
      return closing;
    },
  };
}
