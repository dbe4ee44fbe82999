#!/usr/bin/env node
/**
 * Runs the reference backend from the command line:
 *
 * ```sh
 * node --import tsx src/server/cli.ts [--port 8787] [--host 127.0.0.1] [--base-path /api] \
 *   [--invite-url 'http://127.0.0.1:8000/?token='] [--existing +14085550100,ann@example.com] \
 *   [--fault-rate 0.3] [--fault-kinds status503,drop] [--quiet]
 * ```
 *
 * Prints `bulk-enroll reference server: <url>` on its first line (the endpoint to use), then one line per
 * request unless `--quiet`. Stops on SIGINT/SIGTERM.
 * @module
 */
import { parseArgs } from 'node:util';
import { FAULT_KINDS, type FaultKind } from '../core/adapter/memory-adapter.js';
import { startReferenceServer } from './reference-server.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    host: { type: 'string', default: '127.0.0.1' },
    'base-path': { type: 'string', default: '' },
    'invite-url': { type: 'string' },
    existing: { type: 'string' },
    'fault-rate': { type: 'string' },
    'fault-kinds': { type: 'string' },
    'delay-ms': { type: 'string' },
    quiet: { type: 'boolean', default: false },
  },
});

const kinds = values['fault-kinds']?.split(',').filter(Boolean) as FaultKind[] | undefined;
for (const kind of kinds ?? []) if (!FAULT_KINDS.includes(kind)) throw new Error(`Unknown fault kind ${kind}; use ${FAULT_KINDS.join(', ')}.`);
const inviteUrl = values['invite-url'];

const server = await startReferenceServer({
  port: Number(values.port),
  host: values.host,
  basePath: values['base-path'],
  ...(inviteUrl ? { inviteUrl: (token: string) => `${inviteUrl}${encodeURIComponent(token)}` } : {}),
  ...(values.existing ? { existingLoginIds: values.existing.split(',') } : {}),
  ...(values['fault-rate']
    ? { faults: { rate: Number(values['fault-rate']), ...(kinds ? { kinds } : {}), ...(values['delay-ms'] ? { delayMs: Number(values['delay-ms']) } : {}) } }
    : {}),
  ...(values.quiet ? {} : { log: (line: string) => console.log(line) }),
});
console.log(`bulk-enroll reference server: ${server.url}`);

const stop = () => {
  void server.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
