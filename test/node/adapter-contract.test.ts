// The REST contract (CONTRACT §5, docs/backend.md) as one parameterised suite, run against
// 1. the REST adapter talking over real HTTP on 127.0.0.1 to the reference server, and
// 2. the memory adapter.
// Both must give the same answers and the same typed errors for every route and every failure.
import { expect } from 'chai';
import { AdapterError, type EnrollmentAdapter, type InviteRequest } from '../../src/core/adapter/adapter.js';
import { createMemoryAdapter, FAULT_KINDS, type FaultKind, type InvitationStore, type MemoryAdapterOptions } from '../../src/core/adapter/memory-adapter.js';
import { createRestAdapter } from '../../src/core/adapter/rest-adapter.js';
import { startReferenceServer } from '../../src/server/reference-server.js';

interface Backend {
  adapter: EnrollmentAdapter;
  store: InvitationStore;
  /** Resolves when the backend has finished processing (the server's delayed requests). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

interface Harness {
  name: string;
  start(options?: MemoryAdapterOptions & { fault?: FaultKind }): Promise<Backend>;
}

const harnesses: Harness[] = [
  {
    name: 'REST adapter + reference server (HTTP on 127.0.0.1)',
    async start(options = {}) {
      const { fault, ...rest } = options;
      const server = await startReferenceServer({
        ...rest,
        ...(fault ? { faults: { rate: 1, kinds: [fault], routes: ['batch', 'lookup'], retryAfterSeconds: 1, delayMs: 250 } } : {}),
      });
      const adapter = createRestAdapter({ endpoint: server.url, timeoutMs: fault === 'delay' ? 100 : 5000 });
      return { adapter, store: server.store, idle: () => server.idle(), close: () => server.close() };
    },
  },
  {
    name: 'memory adapter',
    async start(options = {}) {
      const { fault, ...rest } = options;
      const adapter = createMemoryAdapter({ ...rest, ...(fault ? { failureRate: 1, failureKinds: [fault], retryAfterSeconds: 1 } : {}) });
      return { adapter, store: adapter.store, idle: async () => {}, close: async () => {} };
    },
  },
];

const ctx = () => ({ signal: new AbortController().signal });
const key = (k = 'key-1') => ({ signal: new AbortController().signal, idempotencyKey: k });

const ann: InviteRequest = { clientRowId: 'r-ann', loginType: 'email', loginId: 'Ann.Lee@example.com', email: 'Ann.Lee@example.com', name: 'Ann Lee' };
const bob: InviteRequest = { clientRowId: 'r-bob', loginType: 'phone', loginId: '+14085550142', phone: '+14085550142', email: 'bob@example.com', name: 'Bob Stone' };

async function rejection(promise: Promise<unknown>): Promise<AdapterError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(AdapterError);
    return error as AdapterError;
  }
  throw new Error('expected a rejection');
}

for (const harness of harnesses) {
  describe(`adapter contract: ${harness.name}`, () => {
    let backend: Backend;
    const open = async (options?: MemoryAdapterOptions & { fault?: FaultKind }) => {
      backend = await harness.start(options);
      return backend;
    };
    afterEach(async () => {
      await backend?.close();
    });

    describe('POST /invitations/batch', () => {
      it('invites every user, answers one result per request in order, and sends a text or an email with the link', async () => {
        const { adapter, store } = await open();
        const results = await adapter.inviteUsers([ann, bob], key());
        expect(results).to.deep.equal([
          { clientRowId: 'r-ann', status: 'invited' },
          { clientRowId: 'r-bob', status: 'invited' },
        ]);
        expect(store.outbox.map((m) => [m.channel, m.to])).to.deep.equal([
          ['email', 'Ann.Lee@example.com'],
          ['sms', '+14085550142'],
        ]);
        for (const message of store.outbox) {
          expect(message.token).to.match(/^[a-z2-9]{24}$/);
          expect(message.link).to.contain(message.token);
          expect(message.text).to.contain(message.link);
        }
        expect(store.tokenFor('ann.lee@EXAMPLE.com')).to.equal(store.outbox[0]!.token);
      });

      it('answers a repeated Idempotency-Key with the stored answer and invites nobody again', async () => {
        const { adapter, store } = await open();
        const first = await adapter.inviteUsers([ann, bob], key('k'));
        const again = await adapter.inviteUsers([ann, bob], key('k'));
        expect(again).to.deep.equal(first);
        expect(store.outbox).to.have.length(2);
        expect(store.stats.replayedByKey).to.equal(1);
      });

      it('refuses an Idempotency-Key reused with another body (422 idempotency.key_reused)', async () => {
        const { adapter } = await open();
        await adapter.inviteUsers([ann], key('k'));
        const error = await rejection(adapter.inviteUsers([bob], key('k')));
        expect([error.kind, error.status, error.code, error.retryable]).to.deep.equal(['rejected', 422, 'idempotency.key_reused', false]);
      });

      it('invites a clientRowId once, whatever the batch or key it comes again in', async () => {
        const { adapter, store } = await open();
        await adapter.inviteUsers([ann], key('k1'));
        const results = await adapter.inviteUsers([bob, ann], key('k2'));
        expect(results.map((r) => r.status)).to.deep.equal(['invited', 'invited']);
        expect(store.outbox.filter((m) => m.to === ann.email)).to.have.length(1);
        expect(store.invitations.size).to.equal(2);
        expect(store.stats.replayedByClientRowId).to.equal(1);
      });

      it('invites a login ID once: another clientRowId with it (emails case-insensitively) is login_id.exists', async () => {
        const { adapter, store } = await open();
        await adapter.inviteUsers([ann], key('k1'));
        const [result] = await adapter.inviteUsers([{ ...ann, clientRowId: 'r-ann-2', loginId: 'ann.lee@example.com', name: 'Ann L.' }], key('k2'));
        expect(result).to.include({ clientRowId: 'r-ann-2', status: 'rejected', code: 'login_id.exists', column: 'email' });
        expect(store.invitations.size).to.equal(1);
      });

      it('rejects login IDs that already have accounts, per row, with the column', async () => {
        const { adapter, store } = await open({ existingLoginIds: ['+14085550142'] });
        const results = await adapter.inviteUsers([ann, bob], key());
        expect(results[0]).to.deep.equal({ clientRowId: 'r-ann', status: 'invited' });
        expect(results[1]).to.include({ clientRowId: 'r-bob', status: 'rejected', code: 'login_id.exists', column: 'phone' });
        expect(results[1]!.message).to.be.a('string').and.not.be.empty;
        expect(store.outbox).to.have.length(1);
      });

      it('rejects invalid rows one by one and invites the rest', async () => {
        const { adapter, store } = await open();
        const bad: Array<[Record<string, unknown>, string, string]> = [
          [{ phone: '+1408', loginId: '+1408' }, 'phone.invalid', 'phone'],
          [{ phone: undefined }, 'phone.required', 'phone'],
          [{ name: '  ' }, 'name.required', 'name'],
          [{ name: 'x'.repeat(101) }, 'name.too_long', 'name'],
          [{ email: 'not-an-email' }, 'email.invalid', 'email'],
          [{ email: '' }, 'email.required', 'email'],
          [{ loginType: 'fax' }, 'login_type.invalid', 'loginType'],
          [{ loginId: '+14085550199' }, 'login_id.mismatch', 'phone'],
        ];
        const batch = [ann, ...bad.map(([change], i) => ({ ...bob, ...change, clientRowId: `bad-${i}` }) as InviteRequest)];
        const results = await adapter.inviteUsers(batch, key());
        expect(results[0]!.status).to.equal('invited');
        expect(results.slice(1).map((r) => [r.status, r.code, r.column])).to.deep.equal(bad.map(([, code, column]) => ['rejected', code, column]));
        expect(store.invitations.size).to.equal(1);
      });

      it('refuses a malformed batch as a whole with 400 { code, message }', async () => {
        const { adapter, store } = await open({ maxBatchSize: 2 });
        const cases: Array<[InviteRequest[], string]> = [
          [[], 'batch.empty'],
          [[ann, bob, { ...ann, clientRowId: 'r-3' }], 'batch.too_large'],
          [[{ ...ann, clientRowId: '' }], 'request.invalid'],
        ];
        for (const [batch, code] of cases) {
          const error = await rejection(adapter.inviteUsers(batch, key(code)));
          expect([error.kind, error.status, error.code, error.retryable], code).to.deep.equal(['rejected', 400, code, false]);
          expect(error.message).to.not.be.empty;
        }
        expect(store.invitations.size).to.equal(0);
      });

      it('rejects with the signal’s reason when cancelled', async () => {
        const { adapter, store } = await open();
        const controller = new AbortController();
        controller.abort();
        try {
          await adapter.inviteUsers([ann], { signal: controller.signal, idempotencyKey: 'k' });
          expect.fail('should reject');
        } catch (error) {
          expect((error as Error).name).to.equal('AbortError');
        }
        expect(store.invitations.size).to.equal(0);
      });
    });

    describe('failures of POST /invitations/batch', () => {
      const expected: Record<FaultKind, { kind: string; status: number | undefined; processed: boolean }> = {
        status500: { kind: 'server', status: 500, processed: false },
        status503: { kind: 'server', status: 503, processed: false },
        status429: { kind: 'server', status: 429, processed: false },
        drop: { kind: 'network', status: undefined, processed: false },
        delay: { kind: 'timeout', status: undefined, processed: true },
        lost_answer: { kind: 'network', status: undefined, processed: true },
      };
      for (const fault of FAULT_KINDS) {
        it(`${fault}: a retryable ${expected[fault].kind} error; the batch is ${expected[fault].processed ? '' : 'not '}processed`, async () => {
          const { adapter, store, idle } = await open({ fault });
          const error = await rejection(adapter.inviteUsers([ann], key()));
          expect([error.kind, error.status, error.retryable]).to.deep.equal([expected[fault].kind, expected[fault].status, true]);
          if (fault === 'status429') expect(error.retryAfterMs).to.equal(1000);
          await idle();
          expect(store.invitations.size).to.equal(expected[fault].processed ? 1 : 0);
        });
      }
    });

    describe('POST /login-ids/lookup', () => {
      it('answers which login IDs have accounts or invitations (emails case-insensitively)', async () => {
        const { adapter } = await open({ existingLoginIds: ['carl@example.com'] });
        await adapter.inviteUsers([bob], key());
        const found = await adapter.findExistingLoginIds!(['CARL@example.com', '+14085550142', 'nobody@example.com', ann.loginId], ctx());
        expect(found).to.deep.equal(['CARL@example.com', '+14085550142']);
      });

      it('finds nothing when the backend does not offer look-ups (REST: 404)', async () => {
        const { adapter } = await open({ existingLoginIds: ['carl@example.com'], loginIdLookup: false });
        expect(await adapter.findExistingLoginIds!(['carl@example.com'], ctx())).to.deep.equal([]);
      });
    });

    describe('GET /invitations/{token}', () => {
      it('shows a pending invitation with its expiry', async () => {
        const { adapter, store } = await open({ invitationTtlMs: 3600_000 });
        await adapter.inviteUsers([bob], key());
        const invitation = await adapter.getInvitation(store.tokenFor(bob.loginId)!, ctx());
        expect(invitation).to.include({ loginType: 'phone', loginId: '+14085550142', name: 'Bob Stone', status: 'pending' });
        const expires = Date.parse(invitation.expiresAt!);
        expect(expires - Date.now()).to.be.within(3500_000, 3600_000);
      });

      it('404 invitation.not_found for an unknown token, even one that needs encoding', async () => {
        const { adapter } = await open();
        for (const token of ['no-such-token', 'a/b?c#d', 'é 1']) {
          const error = await rejection(adapter.getInvitation(token, ctx()));
          expect([error.kind, error.status, error.code, error.retryable]).to.deep.equal(['not_found', 404, 'invitation.not_found', false]);
        }
      });

      it('shows an expired invitation as expired', async () => {
        const { adapter, store } = await open();
        await adapter.inviteUsers([ann], key());
        const token = store.tokenFor(ann.loginId)!;
        store.expire(token);
        expect((await adapter.getInvitation(token, ctx())).status).to.equal('expired');
      });
    });

    describe('POST /invitations/{token}/accept', () => {
      it('accepts, tells the admin, and the invitation reads accepted', async () => {
        const { adapter, store } = await open({ redirectUrl: 'https://portal.example/login', adminEmail: 'boss@portal.example' });
        await adapter.inviteUsers([ann], key());
        const token = store.tokenFor(ann.loginId)!;
        expect(await adapter.acceptInvitation(token, 'correct horse battery staple', ctx())).to.deep.equal({
          status: 'accepted',
          redirectUrl: 'https://portal.example/login',
        });
        expect(store.notifications).to.have.length(1);
        expect(store.notifications[0]).to.include({ channel: 'email', to: 'boss@portal.example', loginId: ann.loginId, name: 'Ann Lee' });
        expect((await adapter.getInvitation(token, ctx())).status).to.equal('accepted');
      });

      it('409 conflict when already accepted', async () => {
        const { adapter, store } = await open();
        await adapter.inviteUsers([ann], key());
        const token = store.tokenFor(ann.loginId)!;
        await adapter.acceptInvitation(token, 'correct horse battery staple', ctx());
        const error = await rejection(adapter.acceptInvitation(token, 'another good passphrase', ctx()));
        expect([error.kind, error.status, error.code]).to.deep.equal(['conflict', 409, 'invitation.accepted']);
        expect(store.notifications).to.have.length(1);
      });

      it('410 expired when the invitation expired', async () => {
        const { adapter, store } = await open();
        await adapter.inviteUsers([ann], key());
        const token = store.tokenFor(ann.loginId)!;
        store.expire(token);
        const error = await rejection(adapter.acceptInvitation(token, 'correct horse battery staple', ctx()));
        expect([error.kind, error.status, error.code]).to.deep.equal(['expired', 410, 'invitation.expired']);
      });

      it('404 for an unknown token', async () => {
        const { adapter } = await open();
        const error = await rejection(adapter.acceptInvitation('nope', 'correct horse battery staple', ctx()));
        expect([error.kind, error.status]).to.deep.equal(['not_found', 404]);
      });

      it('422 password.weak: too short, too long, containing the login ID, or very common; the invitation stays pending', async () => {
        const { adapter, store } = await open();
        await adapter.inviteUsers([ann, bob], key());
        const annToken = store.tokenFor(ann.loginId)!;
        const bobToken = store.tokenFor(bob.loginId)!;
        const weak: Array<[string, string, string]> = [
          [annToken, 'seven77', 'at least 8'],
          [annToken, 'x'.repeat(129), 'at most 128'],
          [annToken, '😀'.repeat(129), 'at most 128'],
          [annToken, 'my ann.lee@EXAMPLE.com pass', 'login ID'],
          [bobToken, 'pw 14085550142 pw', 'login ID'],
          [annToken, 'Password1', 'too common'],
          [annToken, 'qwertyuiop', 'too common'],
        ];
        for (const [token, password, words] of weak) {
          const error = await rejection(adapter.acceptInvitation(token, password, ctx()));
          expect([error.kind, error.status, error.code, error.retryable], password).to.deep.equal(['weak_password', 422, 'password.weak', false]);
          expect(error.message, password).to.contain(words);
        }
        expect((await adapter.getInvitation(annToken, ctx())).status).to.equal('pending');
        expect(store.notifications).to.have.length(0);
      });

      it('accepts any characters, counted in code points: 8 emoji, spaces, exactly 128', async () => {
        const { adapter, store } = await open();
        const users = ['a', 'b', 'c'].map((x) => ({ ...ann, clientRowId: x, loginId: `${x}@example.com`, email: `${x}@example.com` }));
        await adapter.inviteUsers(users, key());
        for (const [user, password] of [
          [users[0]!, '🔑🐙🌵🎲🧭🪁🦉🍋'],
          [users[1]!, 'four words with spaces'],
          [users[2]!, '😀'.repeat(128)],
        ] as const) {
          expect((await adapter.acceptInvitation(store.tokenFor(user.loginId)!, password, ctx())).status).to.equal('accepted');
        }
      });

      it('enforces a configured minimum length', async () => {
        const { adapter, store } = await open({ minPasswordLength: 12 });
        await adapter.inviteUsers([ann], key());
        const token = store.tokenFor(ann.loginId)!;
        const error = await rejection(adapter.acceptInvitation(token, 'eleven char', ctx()));
        expect(error.message).to.contain('at least 12');
        expect((await adapter.acceptInvitation(token, 'twelve chars', ctx())).status).to.equal('accepted');
      });
    });
  });
}
