#!/usr/bin/env node
// `npm start`: builds the library, starts the reference backend and serves the demo portal on
// 127.0.0.1 (the backend at /api on the same origin), and rebuilds on change.
// The demo uses the built single-file bundle, exactly as a portal page would. Port: PORT or 8000,
// or a free one when that is taken.
import { startDemo } from './demo-server.mjs';

const demo = await startDemo({
  port: Number(process.env.PORT ?? 8000),
  build: true,
  watch: true,
  log: (line) => console.log(`  api: ${line}`),
});
console.log(`
bulk-enroll demo portal: ${demo.url}

  1. Download a sample file on the page (demo/samples/), drop it on the uploader, fix what it shows, send.
  2. The Outbox lists the text messages and emails a real backend would send: open an invitation link.
  3. Set a password on the invitee's page; the portal's Admin notifications show the acceptance.

(rebuilding on change; Ctrl+C to stop)
`);

const stop = () => {
  void demo.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
