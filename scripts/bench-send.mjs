#!/usr/bin/env node
// Sending benchmark: 10,000 users sent with `sendInvitations` through the REST adapter to the reference
// server on 127.0.0.1 (loopback, no faults). The server runs in its own process, so this process's CPU
// time is the client's own: JSON, hashing of clientRowIds and keys, and fetch (undici) itself.
// `benchSend()` returns printable lines; figures are printed, never asserted. Run alone:
// `node scripts/bench-send.mjs [--users 10000] [--batch-size 100] [--concurrency 2]`.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Starts `src/server/cli.ts` in a child process; resolves with its URL and a stop function. */
async function startServerProcess() {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', '--port', '0', '--quiet'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (chunk) => {
      text += chunk;
      const match = /reference server: (http:\/\/127\.0\.0\.1:\d+\S*)/.exec(text);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`the reference server exited (${code}) before listening`)));
  });
  child.stdout.resume();
  return {
    url,
    async stop() {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}

function users(count, offset) {
  return Array.from({ length: count }, (_, n) => {
    const i = n + offset;
    const phoneLogin = i % 3 === 0;
    const phone = `+1408${String(3000000 + i).padStart(7, '0')}`;
    const email = `bench.user${i}@example.com`;
    return {
      row: n + 2,
      values: {},
      record: { loginType: phoneLogin ? 'phone' : 'email', loginId: phoneLogin ? phone : email, phone, email, name: `Bench User ${i}` },
      issues: [],
    };
  });
}

/**
 * Sends `users` users (default 10,000) to the reference server on loopback and returns printable lines:
 * users per second, and the client's own share of the wall-clock time (its CPU time / wall time).
 */
export async function benchSend({ users: count = 10_000, batchSize = 100, concurrency = 2 } = {}) {
  const { sendInvitations, createRestAdapter } = await tsImport('../src/core/send/index.ts', import.meta.url);
  const server = await startServerProcess();
  try {
    const adapter = createRestAdapter({ endpoint: server.url });
    // Warm-up (JIT, connections) with other users.
    await sendInvitations(users(500, 1_000_000), adapter, { batchSize, concurrency });

    const rows = users(count, 0);
    const cpu = process.cpuUsage();
    const started = performance.now();
    const report = await sendInvitations(rows, adapter, { batchSize, concurrency });
    const wall = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const clientMs = (used.user + used.system) / 1000;
    const { invited, rejected, unconfirmed } = report.summary;
    return [
      `send: ${count.toLocaleString('en-US')} users to the reference server on 127.0.0.1 (batches of ${batchSize}, ${concurrency} in flight): ` +
        `${Math.round(wall)} ms, ${Math.round((count / wall) * 1000).toLocaleString('en-US')} users/s ` +
        `(invited ${invited}, rejected ${rejected}, unconfirmed ${unconfirmed}; ${report.stats.requests} requests)`,
      `send: client's own share of the time: ${Math.round(clientMs)} ms CPU of ${Math.round(wall)} ms wall (${Math.round((clientMs / wall) * 100)}%), ` +
        `${((clientMs * 1000) / count).toFixed(1)} µs CPU per user; the rest is the server and the loopback`,
    ];
  } finally {
    await server.stop();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : fallback;
  };
  const lines = await benchSend({ users: arg('users', 10_000), batchSize: arg('batch-size', 100), concurrency: arg('concurrency', 2) });
  for (const line of lines) console.log(line);
}
