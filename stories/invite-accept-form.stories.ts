import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/invite-accept-form.js';
import type { InviteAcceptFormElement } from '../src/invite-accept-form.js';
import { AdapterError, type EnrollmentAdapter } from '../src/core/adapter/adapter.js';
import { createMemoryAdapter } from '../src/core/adapter/memory-adapter.js';

type Setup = 'pending' | 'expired' | 'accepted' | 'unreachable';

async function invitation(setup: Setup, latency: number, minPasswordLength: number) {
  const adapter = createMemoryAdapter({ latency, minPasswordLength });
  await adapter.inviteUsers(
    [{ clientRowId: 'story', loginType: 'phone', loginId: '+14085550142', phone: '+14085550142', email: 'maria@acme.example', name: 'María López' }],
    { signal: new AbortController().signal, idempotencyKey: 'story' },
  );
  const token = adapter.tokenFor('+14085550142')!;
  if (setup === 'expired') adapter.expire(token);
  if (setup === 'accepted') await adapter.acceptInvitation(token, 'a long enough password', { signal: new AbortController().signal });
  if (setup === 'unreachable') {
    const unreachable: EnrollmentAdapter = {
      inviteUsers: () => Promise.resolve([]),
      getInvitation: () => Promise.reject(new AdapterError('network', 'Failed to fetch')),
      acceptInvitation: () => Promise.reject(new AdapterError('network', 'Failed to fetch')),
    };
    return { adapter: unreachable, token };
  }
  return { adapter, token };
}

/** Types a password into both fields and submits, as the invitee would. */
async function submit(canvasElement: HTMLElement, password: string): Promise<void> {
  const el = canvasElement.querySelector<InviteAcceptFormElement>('invite-accept-form')!;
  for (let frame = 0; frame < 600 && el.state !== 'ready'; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
  await el.updateComplete;
  for (const id of ['#password', '#confirmation']) {
    const input = el.shadowRoot!.querySelector<HTMLInputElement>(id)!;
    input.value = password;
    input.dispatchEvent(new InputEvent('input'));
  }
  el.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
}

/**
 * `<invite-accept-form>`: the invitee sets a password from the link in their text message or email.
 * Every state has a story; the theme tokens (`--invite-accept-form-*`) and `::part()`s are listed in the docs tab.
 */
const meta: Meta = {
  title: 'Elements/invite-accept-form',
  component: 'invite-accept-form',
  args: { 'min-password-length': 8, 'login-url': '#sign-in', setup: 'pending', latency: 300, dir: 'ltr', backendMinLength: 8 },
  argTypes: {
    setup: { table: { disable: true } },
    latency: { table: { disable: true } },
    backendMinLength: { table: { disable: true } },
    dir: { control: 'inline-radio', options: ['ltr', 'rtl'] },
  },
  loaders: [async ({ args }) => invitation(args['setup'] as Setup, args['latency'] as number, args['backendMinLength'] as number)],
  render: (args, { loaded }) =>
    html`<div dir=${args['dir']}>
      <invite-accept-form
        .adapter=${loaded['adapter']}
        token=${args['token'] ?? loaded['token']}
        min-password-length=${args['min-password-length']}
        login-url=${args['login-url']}
      ></invite-accept-form>
    </div>`,
};
export default meta;

type Story = StoryObj;

/** Ready: who is invited, the login ID partly masked, the password rules and fields. */
export const Ready: Story = {};

/** Loading the invitation (the backend has not answered yet). */
export const Loading: Story = {
  loaders: [
    async ({ args }) => {
      const { adapter, token } = await invitation('pending', 0, args['backendMinLength'] as number);
      return { adapter: { ...adapter, getInvitation: () => new Promise(() => undefined) } as EnrollmentAdapter, token };
    },
  ],
};

/** Submitting: the backend is still answering. */
export const Submitting: Story = {
  args: { latency: 0 },
  loaders: [async ({ args }) => invitation('pending', 0, args['backendMinLength'] as number)],
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector<InviteAcceptFormElement>('invite-accept-form')!;
    el.adapter = { ...(el.adapter as EnrollmentAdapter), acceptInvitation: () => new Promise(() => undefined) };
    await submit(canvasElement, 'tiny violet kettle');
  },
};

/** Accepted: the password is set; "Continue" goes to `login-url` or the backend's `redirectUrl`. */
export const Accepted: Story = {
  args: { latency: 0 },
  play: async ({ canvasElement }) => submit(canvasElement, 'tiny violet kettle'),
};

/** A password the backend refused (`password.weak`), shown in place. */
export const RefusedByBackend: Story = {
  args: { latency: 0, backendMinLength: 30 },
  play: async ({ canvasElement }) => submit(canvasElement, 'tiny violet kettle'),
};

/** The link's token is unknown. */
export const InvalidLink: Story = { args: { token: 'not-a-real-token' } };

/** The invitation expired: ask the admin for a new one. */
export const Expired: Story = { args: { setup: 'expired' } };

/** Already accepted: a way to sign in. */
export const AlreadyAccepted: Story = { args: { setup: 'accepted' } };

/** The server could not be reached: "Something went wrong" with a retry. */
export const NetworkError: Story = { args: { setup: 'unreachable' } };

/** Right to left. */
export const RightToLeft: Story = { args: { dir: 'rtl' } };

/**
 * Accessibility: every control is reachable with Tab; focus moves to the heading of each new state; the
 * password's feedback is announced politely after a pause in typing; errors are tied to their fields.
 */
export const Accessibility: Story = { args: { latency: 0 } };
