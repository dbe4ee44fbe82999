#!/usr/bin/env node
// `npm start`: builds the library, serves the demo portal on 127.0.0.1 and rebuilds on change.
// The demo uses the built single-file bundle, exactly as a portal page would.
import { spawn, spawnSync } from 'node:child_process';
import { serveStatic } from './static-server.mjs';

const first = spawnSync('node_modules/.bin/rollup', ['-c', '--silent'], { stdio: 'inherit' });
if (first.status !== 0) process.exit(first.status ?? 1);

const preferred = Number(process.env.PORT ?? 8000);
let served;
try {
  served = await serveStatic({ '/dist/': 'dist', '/': 'demo' }, { port: preferred });
} catch {
  served = await serveStatic({ '/dist/': 'dist', '/': 'demo' }, { port: 0 });
}
console.log(`\nbulk-enroll demo: ${served.url}\n(rebuilding on change; Ctrl+C to stop)\n`);

const watcher = spawn('node_modules/.bin/rollup', ['-c', '-w', '--silent', '--no-watch.clearScreen'], { stdio: 'inherit' });
const stop = () => {
  watcher.kill();
  served.server.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
