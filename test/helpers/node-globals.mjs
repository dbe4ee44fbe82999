// Lets the core's test files run unchanged under Node's own test runner:
// they use the Mocha BDD globals that @web/test-runner provides in Chromium.
import { describe, it, before, after, beforeEach, afterEach } from 'node:test';

Object.assign(globalThis, { describe, it, before, after, beforeEach, afterEach });
