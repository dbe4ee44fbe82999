import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/invite-accept-form.js';
import { createMemoryAdapter } from '../src/core/adapter/memory-adapter.js';

async function invitation(state: 'pending' | 'expired' | 'accepted') {
  const adapter = createMemoryAdapter({ latency: 300 });
  await adapter.inviteUsers(
    [{ clientRowId: 'story', loginType: 'phone', loginId: '+14085550142', phone: '+14085550142', email: 'maria@acme.example', name: 'María López' }],
    { signal: new AbortController().signal, idempotencyKey: 'story' },
  );
  const token = adapter.tokenFor('+14085550142')!;
  if (state === 'expired') adapter.expire(token);
  if (state === 'accepted') await adapter.acceptInvitation(token, 'a long enough password', { signal: new AbortController().signal });
  return { adapter, token };
}

/** `<invite-accept-form>`: the invitee sets a password from the link in their text message or email. */
const meta: Meta = {
  title: 'Elements/invite-accept-form',
  component: 'invite-accept-form',
  args: { 'min-password-length': 8, 'login-url': '#sign-in', state: 'pending' },
  argTypes: { state: { table: { disable: true } } },
  loaders: [async ({ args }) => invitation(args['state'] as 'pending' | 'expired' | 'accepted')],
  render: (args, { loaded }) =>
    html`<invite-accept-form
      .adapter=${loaded['adapter']}
      token=${args['token'] ?? loaded['token']}
      min-password-length=${args['min-password-length']}
      login-url=${args['login-url']}
    ></invite-accept-form>`,
};
export default meta;

type Story = StoryObj;

/** Ready: who is invited, the login ID partly masked, and the password fields. */
export const Ready: Story = {};

/** The link's token is unknown. */
export const InvalidLink: Story = { args: { token: 'not-a-real-token' } };

/** The invitation expired: ask the admin for a new one. */
export const Expired: Story = { args: { state: 'expired' } };

/** Already accepted: a way to sign in. */
export const AlreadyAccepted: Story = { args: { state: 'accepted' } };
