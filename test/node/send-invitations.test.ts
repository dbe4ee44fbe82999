// sendInvitations against the memory adapter (no real time: the back-off sleep is injected and recorded),
// plus the pure helpers: clientRowId, batch keys, Retry-After and the back-off.
import { expect } from 'chai';
import { AdapterError, type EnrollmentAdapter, type InviteOutcome, type InviteRequest } from '../../src/core/adapter/adapter.js';
import { createMemoryAdapter } from '../../src/core/adapter/memory-adapter.js';
import type { RowReport } from '../../src/core/types.js';
import {
  batchIdempotencyKey,
  clientRowIdFor,
  parseRetryAfter,
  retryDelay,
  sendInvitations,
  type SendProgress,
  type SendReport,
} from '../../src/core/send/index.js';

function user(i: number, loginType: 'phone' | 'email' = i % 2 ? 'phone' : 'email'): NonNullable<RowReport['record']> {
  const phone = `+1408555${String(1000 + i).padStart(4, '0')}`;
  const email = `user${i}@example.com`;
  return { loginType, loginId: loginType === 'phone' ? phone : email, phone, email, name: `User ${i}` };
}

function rowReports(count: number, withErrors: number[] = []): RowReport[] {
  return Array.from({ length: count }, (_, i) => {
    const values = { loginType: 'email', phone: '', email: `user${i}@example.com`, name: `User ${i}` };
    if (withErrors.includes(i)) return { row: i + 2, values, issues: [{ code: 'email.invalid', severity: 'error', message: 'bad', column: 'email' }] } as RowReport;
    return { row: i + 2, values, record: user(i), issues: [] };
  });
}

function recordingSleep(): { sleep: (ms: number, signal: AbortSignal) => Promise<void>; waits: number[] } {
  const waits: number[] = [];
  return {
    waits,
    sleep: async (ms, signal) => {
      signal.throwIfAborted();
      waits.push(ms);
    },
  };
}

function expectAddsUp(report: SendReport, total: number): void {
  const { invited, rejected, unconfirmed } = report.summary;
  expect(invited + rejected + unconfirmed).to.equal(total);
  expect(report.outcomes).to.have.length(total);
  expect(report.outcomes.filter((o) => o.status === 'invited')).to.have.length(invited);
  expect(report.outcomes.filter((o) => o.status === 'rejected')).to.have.length(rejected);
  expect(report.outcomes.filter((o) => o.status === 'unconfirmed')).to.have.length(unconfirmed);
}

/** Wraps an adapter to record the calls (and optionally to fail the first ones). */
function spy(inner: EnrollmentAdapter, failFirst: Array<() => Error> = []) {
  const calls: Array<{ batch: InviteRequest[]; idempotencyKey: string }> = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const adapter: EnrollmentAdapter = {
    ...inner,
    getInvitation: inner.getInvitation.bind(inner),
    acceptInvitation: inner.acceptInvitation.bind(inner),
    ...(inner.findExistingLoginIds ? { findExistingLoginIds: inner.findExistingLoginIds.bind(inner) } : {}),
    async inviteUsers(batch, ctx) {
      calls.push({ batch, idempotencyKey: ctx.idempotencyKey });
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        const failure = failFirst.shift();
        if (failure) throw failure();
        return await inner.inviteUsers(batch, ctx);
      } finally {
        inFlight--;
      }
    },
  };
  return { adapter, calls, maxInFlight: () => maxInFlight };
}

const server503 = () => new AdapterError('server', 'unavailable', { status: 503 });

describe('sendInvitations', () => {
  it('sends only rows with a record, in batches, and accounts for every one in input order', async () => {
    const memory = createMemoryAdapter();
    const { adapter, calls } = spy(memory);
    const rows = rowReports(250, [3, 100, 249]);
    const report = await sendInvitations(rows, adapter, { batchSize: 100 });
    expect(calls.map((c) => c.batch.length)).to.deep.equal([100, 100, 47]);
    expect(report.summary).to.deep.equal({ invited: 247, rejected: 0, unconfirmed: 0 });
    expectAddsUp(report, 247);
    expect(report.outcomes.map((o) => o.row)).to.deep.equal(rows.filter((r) => r.record).map((r) => r.row));
    expect(report.outcomes[0]!.clientRowId).to.equal(clientRowIdFor(rows[0]!.record!));
    expect(memory.invitations.size).to.equal(247);
    expect(report.stats).to.include({ batches: 3, requests: 3, retries: 0 });
  });

  it('keeps at most `concurrency` batches in flight', async () => {
    const { adapter, maxInFlight } = spy(createMemoryAdapter({ latency: 2 }));
    await sendInvitations(rowReports(60), adapter, { batchSize: 5, concurrency: 3 });
    expect(maxInFlight()).to.equal(3);
  });

  it('retries a 5xx with growing, jittered waits and the same Idempotency-Key, then takes the answer', async () => {
    const memory = createMemoryAdapter();
    const { adapter, calls } = spy(memory, [server503, server503, server503]);
    const { sleep, waits } = recordingSleep();
    const report = await sendInvitations(rowReports(3), adapter, { sleep, backoff: { baseMs: 100, maxMs: 1000 } });
    expect(report.summary.invited).to.equal(3);
    expect(calls).to.have.length(4);
    expect(new Set(calls.map((c) => c.idempotencyKey)).size).to.equal(1);
    expect(calls[0]!.idempotencyKey).to.equal(batchIdempotencyKey(calls[0]!.batch));
    expect(waits).to.have.length(3);
    expect(waits[0]).to.be.within(50, 100);
    expect(waits[1]).to.be.within(100, 200);
    expect(waits[2]).to.be.within(200, 400);
    expect(report.stats).to.include({ requests: 4, retries: 3 });
  });

  it('retries time-outs and network errors, and honours Retry-After on 429', async () => {
    const { adapter, calls } = spy(createMemoryAdapter(), [
      () => new AdapterError('timeout', 'slow'),
      () => new AdapterError('network', 'gone'),
      () => new AdapterError('server', 'slow down', { status: 429, retryAfterMs: 7000 }),
    ]);
    const { sleep, waits } = recordingSleep();
    const report = await sendInvitations(rowReports(2), adapter, { sleep, backoff: { baseMs: 10 } });
    expect(report.summary.invited).to.equal(2);
    expect(calls).to.have.length(4);
    expect(waits[2]).to.equal(7000);
  });

  it('does not retry other 4xx: the batch is rejected with the backend’s code and message', async () => {
    const { adapter, calls } = spy(createMemoryAdapter(), [
      () => new AdapterError('rejected', 'Your session has expired.', { status: 401, code: 'auth.required' }),
    ]);
    const { sleep, waits } = recordingSleep();
    const report = await sendInvitations(rowReports(4), adapter, { sleep, batchSize: 2 });
    expect(calls).to.have.length(2);
    expect(waits).to.have.length(0);
    expect(report.summary).to.deep.equal({ invited: 2, rejected: 2, unconfirmed: 0 });
    expect(report.outcomes.slice(0, 2).map((o) => [o.status, o.code, o.message])).to.deep.equal([
      ['rejected', 'auth.required', 'Your session has expired.'],
      ['rejected', 'auth.required', 'Your session has expired.'],
    ]);
  });

  it('ends a batch unconfirmed when retries run out; sending again later invites each user exactly once', async () => {
    const memory = createMemoryAdapter({ failureRate: 1, failureKinds: ['lost_answer'] });
    const { sleep } = recordingSleep();
    const rows = rowReports(10);
    const first = await sendInvitations(rows, memory, { sleep, retries: 2, batchSize: 4 });
    expect(first.summary).to.deep.equal({ invited: 0, rejected: 0, unconfirmed: 10 });
    expect(first.outcomes.every((o) => o.status === 'unconfirmed' && o.code === 'send.network')).to.equal(true);
    // The backend did process them (the answers were lost): re-sending must not invite again.
    expect(memory.invitations.size).to.equal(10);
    const outboxBefore = memory.outbox.length;
    // The same backend, now healthy.
    const healthy: EnrollmentAdapter = {
      ...memory,
      inviteUsers: async (batch, ctx) => memory.store.inviteBatch({ invitations: structuredClone(batch) }, ctx.idempotencyKey),
    };
    const again = await sendInvitations(rows, healthy, { sleep });
    expect(again.summary).to.deep.equal({ invited: 10, rejected: 0, unconfirmed: 0 });
    expect(memory.outbox.length).to.equal(outboxBefore);
  });

  it('settles the rows an answer covers and sends the others again', async () => {
    const memory = createMemoryAdapter();
    let first = true;
    const adapter: EnrollmentAdapter = {
      ...memory,
      async inviteUsers(batch, ctx): Promise<InviteOutcome[]> {
        const results = await memory.inviteUsers(batch, ctx);
        if (first) {
          first = false;
          return results.slice(0, 2);
        }
        return results;
      },
    };
    const report = await sendInvitations(rowReports(5), adapter);
    expect(report.summary.invited).to.equal(5);
    expect(memory.received.map((r) => r.batch.length)).to.deep.equal([5, 3]);
  });

  it('cancels: requests in flight are aborted, nothing is lost, and every row not confirmed is unconfirmed', async () => {
    const memory = createMemoryAdapter({ latency: 10_000 });
    const controller = new AbortController();
    const progress: SendProgress[] = [];
    const { adapter, calls } = spy(memory);
    const sending = sendInvitations(rowReports(30), adapter, { batchSize: 5, concurrency: 2, signal: controller.signal, onProgress: (p) => progress.push(p) });
    expect(calls).to.have.length(2);
    controller.abort();
    const report = await sending;
    expect(report.summary).to.deep.equal({ invited: 0, rejected: 0, unconfirmed: 30 });
    expect(report.outcomes.every((o) => o.status === 'unconfirmed' && o.code === 'send.cancelled')).to.equal(true);
    expect(calls).to.have.length(2);
    expect(progress.at(-1)).to.deep.equal({ sent: 30, invited: 0, rejected: 0, unconfirmed: 30, total: 30 });
  });

  it('reports progress from zero to the total, never going back', async () => {
    const progress: SendProgress[] = [];
    await sendInvitations(rowReports(23), createMemoryAdapter({ rejectLoginIds: ['user2@example.com'] }), { batchSize: 5, onProgress: (p) => progress.push({ ...p }) });
    expect(progress[0]).to.deep.equal({ sent: 0, invited: 0, rejected: 0, unconfirmed: 0, total: 23 });
    expect(progress.at(-1)).to.deep.equal({ sent: 23, invited: 22, rejected: 1, unconfirmed: 0, total: 23 });
    for (let i = 1; i < progress.length; i++) expect(progress[i]!.sent).to.be.at.least(progress[i - 1]!.sent);
  });

  it('with checkExisting, marks users who already have accounts login_id.exists before sending', async () => {
    const memory = createMemoryAdapter({ existingLoginIds: ['USER0@example.com', '+14085551001'] });
    const { adapter, calls } = spy(memory);
    const report = await sendInvitations(rowReports(4), adapter, { checkExisting: true });
    expect(report.outcomes.map((o) => [o.status, o.code])).to.deep.equal([
      ['rejected', 'login_id.exists'],
      ['rejected', 'login_id.exists'],
      ['invited', undefined],
      ['invited', undefined],
    ]);
    expect(calls[0]!.batch).to.have.length(2);
    expect(report.stats.lookups).to.equal(1);
  });

  it('skips a look-up that keeps failing: the backend still refuses existing users on invite', async () => {
    const memory = createMemoryAdapter({ existingLoginIds: ['user0@example.com'] });
    const adapter: EnrollmentAdapter = { ...memory, findExistingLoginIds: async () => Promise.reject(new AdapterError('network', 'down')) };
    const { sleep } = recordingSleep();
    const report = await sendInvitations(rowReports(2), adapter, { checkExisting: true, sleep, retries: 1 });
    expect(report.outcomes.map((o) => o.status)).to.deep.equal(['rejected', 'invited']);
    expect(report.stats.lookups).to.equal(2);
  });

  it('sends InviteRequest[] as given', async () => {
    const memory = createMemoryAdapter();
    const requests: InviteRequest[] = [{ clientRowId: 'mine-1', loginType: 'email', loginId: 'a@example.com', email: 'a@example.com', name: 'A' }];
    const report = await sendInvitations(requests, memory);
    expect(report.outcomes).to.deep.equal([{ clientRowId: 'mine-1', status: 'invited' }]);
  });
});

describe('clientRowIdFor', () => {
  it('is the same for the same user wherever the row is, and differs when the user changes', () => {
    const a = user(1);
    expect(clientRowIdFor(a)).to.match(/^cr1-[0-9a-f]{32}$/);
    expect(clientRowIdFor({ ...a })).to.equal(clientRowIdFor(a));
    expect(clientRowIdFor({ ...a, email: a.email.toUpperCase(), name: ` ${a.name}  ` })).to.equal(clientRowIdFor(a));
    expect(clientRowIdFor({ ...a, name: 'Someone Else' })).to.not.equal(clientRowIdFor(a));
    expect(clientRowIdFor({ ...a, loginType: 'email', loginId: a.email })).to.not.equal(clientRowIdFor(a));
  });

  it('does not collide over 20,000 users', () => {
    const ids = new Set(Array.from({ length: 20_000 }, (_, i) => clientRowIdFor(user(i))));
    expect(ids.size).to.equal(20_000);
  });

  it('is the same across a re-upload with the rows in another order', async () => {
    const rows = rowReports(6);
    const shuffled = [...rows].reverse().map((r, i) => ({ ...r, row: i + 10 }));
    const a = await sendInvitations(rows, createMemoryAdapter());
    const b = await sendInvitations(shuffled, createMemoryAdapter());
    expect(new Set(a.outcomes.map((o) => o.clientRowId))).to.deep.equal(new Set(b.outcomes.map((o) => o.clientRowId)));
  });
});

describe('retry helpers', () => {
  it('parses Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');
    expect(parseRetryAfter('120', now)).to.equal(120_000);
    expect(parseRetryAfter(' 0 ', now)).to.equal(0);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:30 GMT', now)).to.equal(30_000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:27:00 GMT', now)).to.equal(0);
    expect(parseRetryAfter('-5', now)).to.equal(undefined);
    expect(parseRetryAfter('soon', now)).to.equal(undefined);
    expect(parseRetryAfter(null, now)).to.equal(undefined);
  });

  it('backs off exponentially with equal jitter, capped, and waits at least Retry-After', () => {
    const options = { baseMs: 100, maxMs: 1000 };
    expect(retryDelay(0, undefined, options, () => 0)).to.equal(50);
    expect(retryDelay(0, undefined, options, () => 1)).to.equal(100);
    expect(retryDelay(3, undefined, options, () => 1)).to.equal(800);
    expect(retryDelay(10, undefined, options, () => 1)).to.equal(1000);
    expect(retryDelay(0, 5000, options, () => 1)).to.equal(5000);
    expect(retryDelay(0, 10 * 60_000, { ...options, maxRetryAfterMs: 60_000 }, () => 1)).to.equal(60_000);
  });
});
