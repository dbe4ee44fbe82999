/**
 * Stable identifiers: a row's `clientRowId` and a batch's `Idempotency-Key`, both derived from content so
 * that they stay the same across retries, across a later re-send, and across re-uploads of the same file.
 * @module
 */
import type { UserRecord } from '../types.js';

/**
 * A 128-bit non-cryptographic hash (cyrb128, public domain) of a string, as 32 hex digits.
 * Synchronous and available everywhere (unlike `crypto.subtle`, which needs a secure context).
 */
export function stableHash(text: string): string {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1, h2, h3, h4].map((h) => (h >>> 0).toString(16).padStart(8, '0')).join('');
}

/** The fields of a user that identify it for {@link clientRowIdFor}. */
export type ClientRowIdSource = Pick<UserRecord, 'loginType' | 'loginId' | 'email' | 'name'> & { phone?: string | undefined };

const clean = (value: string | undefined) => (value ?? '').normalize('NFC').trim().replace(/\s+/g, ' ');

/**
 * The `clientRowId` of a user: `cr1-` + a 128-bit hash of the normalized user (login type, login ID and
 * email case-insensitively, phone, name with spaces collapsed). It depends on the user only, not on the
 * row number or the file, so it is the same across retries and re-uploads of the same user, and a backend
 * that has seen it must not invite again. A corrected row (another name, email…) is a new user to the backend.
 */
export function clientRowIdFor(user: ClientRowIdSource): string {
  const parts = [user.loginType, clean(user.loginId).toLowerCase(), clean(user.email).toLowerCase(), clean(user.phone), clean(user.name)];
  return `cr1-${stableHash(parts.join('\u001f'))}`;
}
