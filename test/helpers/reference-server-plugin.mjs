// A @web/test-runner plugin that runs the reference backend (src/server/cli.ts) beside the test server,
// on 127.0.0.1, for browser tests that talk to a real backend over HTTP. Its endpoint is served to the
// page at `/__reference-server-url` as `{ "url": "http://127.0.0.1:PORT" }`.
import { spawn } from 'node:child_process';
import { once } from 'node:events';

/**
 * The plugin: starts the reference server in `serverStart`, stops it in `serverStop`.
 * @param {{ args?: string[] }} [options] extra CLI flags for the server (e.g. `['--fault-rate', '0.3']`)
 */
export function referenceServerPlugin(options = {}) {
  /** @type {import('node:child_process').ChildProcess | undefined} */
  let child;
  /** @type {string | undefined} */
  let url;
  return {
    name: 'bulk-enroll-reference-server',
    async serverStart() {
      child = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', '--port', '0', '--quiet', ...(options.args ?? [])], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      url = await new Promise((resolve, reject) => {
        let text = '';
        child.stdout.on('data', (chunk) => {
          text += chunk;
          const match = /reference server: (http:\/\/127\.0\.0\.1:\d+\S*)/.exec(text);
          if (match) resolve(match[1]);
        });
        child.once('exit', (code) => reject(new Error(`the reference server exited (${code}) before listening`)));
      });
      child.stdout.resume();
    },
    async serverStop() {
      if (!child || child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
    serve(context) {
      if (context.path === '/__reference-server-url') return { body: JSON.stringify({ url }), type: 'application/json' };
      return undefined;
    },
  };
}
