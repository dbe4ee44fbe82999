/**
 * The invitee's password rules, after NIST SP 800-63B §5.1.1.2: a length between a minimum and 128
 * characters counted as Unicode code points (so an emoji counts once), any characters including spaces
 * and emoji, no composition rules, and refused when it equals or contains the login ID or is one of the
 * most common passwords. No DOM and no Lit: usable anywhere.
 * @module
 */
import { COMMON_PASSWORDS_BITS, COMMON_PASSWORDS_GCS, COMMON_PASSWORDS_RANGE, COMMON_PASSWORDS_SIZE } from './common-passwords.js';

/** The most characters (code points) a password may have. */
export const MAX_PASSWORD_LENGTH = 128;
/** The default fewest characters (code points). */
export const DEFAULT_MIN_PASSWORD_LENGTH = 8;

/** Why a password is refused, most serious first. */
export const passwordProblems = ['too-long', 'contains-login-id', 'common', 'too-short'] as const;
/** One of {@link passwordProblems}. */
export type PasswordProblem = (typeof passwordProblems)[number];

/** The length of a text in code points: `'🔑'` is 1, not 2. */
export function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** A usable minimum length: a whole number from 1 to 128; anything else gives the default. */
export function normalizeMinLength(min: unknown): number {
  return typeof min === 'number' && Number.isInteger(min) && min >= 1 && min <= MAX_PASSWORD_LENGTH ? min : DEFAULT_MIN_PASSWORD_LENGTH;
}

/** 32-bit FNV-1a over UTF-16 code units (the same as scripts/common-passwords.mjs). */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

let common: Set<number> | undefined;

/** The bundled set of common passwords' hashes (a Golomb-coded set, see common-passwords.ts), unpacked on first use. */
function commonHashes(): Set<number> {
  if (!common) {
    common = new Set();
    const data = atob(COMMON_PASSWORDS_GCS);
    let at = 0;
    let value = 0;
    const bit = () => (data.charCodeAt(at >> 3) >> (7 - (at++ & 7))) & 1;
    while (common.size < COMMON_PASSWORDS_SIZE) {
      let gap = 0;
      while (bit()) gap++;
      for (let b = 0; b < COMMON_PASSWORDS_BITS; b++) gap = gap * 2 + bit();
      common.add((value += gap));
    }
  }
  return common;
}

/**
 * Whether a password is one of the most common ones (the bundled list of about 1,100), compared
 * case-insensitively. The list is stored as hashes: another password is mistaken for a common one
 * with a chance of 1 in 65,536.
 */
export function isCommonPassword(password: string): boolean {
  return commonHashes().has(fnv1a(password.toLowerCase()) % COMMON_PASSWORDS_RANGE);
}

/** Whether a password equals or contains the login ID, case-insensitively; for a phone, also without its `+`. */
export function containsLoginId(password: string, loginId: string): boolean {
  const id = loginId.trim().toLowerCase();
  if (!id) return false;
  const lower = password.toLowerCase();
  return lower.includes(id) || (id.startsWith('+') && id.length > 1 && lower.includes(id.slice(1)));
}

/** What a password is checked against. */
export interface PasswordRuleOptions {
  /** The invitee's login ID (phone in E.164, or email). */
  loginId?: string;
  /** The fewest code points; see {@link normalizeMinLength}. Default 8. */
  minLength?: number;
}

/** Every rule a password breaks, in the order of {@link passwordProblems} (empty when it is fine). */
export function passwordProblemsOf(password: string, options: PasswordRuleOptions = {}): PasswordProblem[] {
  const length = codePointLength(password);
  const problems: PasswordProblem[] = [];
  if (length > MAX_PASSWORD_LENGTH) problems.push('too-long');
  if (password && options.loginId && containsLoginId(password, options.loginId)) problems.push('contains-login-id');
  if (password && isCommonPassword(password)) problems.push('common');
  if (length < normalizeMinLength(options.minLength ?? DEFAULT_MIN_PASSWORD_LENGTH)) problems.push('too-short');
  return problems;
}

/** The most serious rule a password breaks, or `undefined` when it is fine. */
export function checkPassword(password: string, options: PasswordRuleOptions = {}): PasswordProblem | undefined {
  return passwordProblemsOf(password, options)[0];
}
