// The demo portal's one script: an in-memory backend shared by both elements.
// A real portal sets `endpoint="https://…"` on the elements instead and needs no script at all.
import { createMemoryAdapter } from '/dist/bulk-enroll.min.js';

const adapter = createMemoryAdapter({ latency: [150, 400] });
document.querySelector('#uploader').adapter = adapter;

// One invitation made up front, so that the invitee's page has something to open.
await adapter.inviteUsers(
  [{ clientRowId: 'demo-1', loginType: 'email', loginId: 'maria.lopez@acme.example', email: 'maria.lopez@acme.example', name: 'María López' }],
  { signal: new AbortController().signal, idempotencyKey: 'demo' },
);
const invitee = document.querySelector('#invitee');
invitee.adapter = adapter;
invitee.token = adapter.outbox[0].token;
