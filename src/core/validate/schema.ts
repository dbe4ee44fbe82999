/**
 * The row rules: ONE zod/mini schema per profile, built from the profile's columns.
 * Each column gets a string schema with the check of its rule kind (which also normalizes the value:
 * lower-cased login type, E.164 phone, trimmed email / name / text); the object gets the cross-column
 * checks (the conditional rule: the phone is required for phone logins, optional for email logins,
 * checked whenever present) and computes the row's login key. Every issue is pushed with
 * `continue: true`, so all rules run on every row and a row reports all of its problems.
 * @module
 */
import * as z from 'zod/mini';
import type { CountryCode } from 'libphonenumber-js/core/es6';
import { brandWords, coreColumns } from '../profile.js';
import type { Issue, IssueCode, MessageCatalog, MessageContext, Profile, ProfileColumn, Severity } from '../types.js';
import { emailTypoSuggestion, isValidEmail } from './email.js';
import { makeIssue } from './issue.js';
import { checkPhone } from './phone.js';

type Payload = z.core.ParsePayload<string>;

/** Maximum name length in characters (code points). */
export const MAX_NAME_LENGTH = 100;

/** Near misses of the login type (letters and digits only, lower-case) → the type meant. */
export const LOGIN_TYPE_NEAR_MISSES: ReadonlyMap<string, 'phone' | 'email'> = new Map([
  ['email', 'email'], // e-mail, E-Mail, e.mail, "email."
  ['emails', 'email'],
  ['mail', 'email'],
  ['emailaddress', 'email'],
  ['emial', 'email'],
  ['emal', 'email'],
  ['mobile', 'phone'],
  ['mobilephone', 'phone'],
  ['mobilenumber', 'phone'],
  ['cell', 'phone'],
  ['cellphone', 'phone'],
  ['phones', 'phone'],
  ['phone', 'phone'], // "phone." or "ph-one"
  ['phonenumber', 'phone'],
  ['telephone', 'phone'],
  ['tel', 'phone'],
  ['sms', 'phone'],
  ['phnoe', 'phone'],
  ['hpone', 'phone'],
]);

/** Settings the rules need. */
export interface RuleSettings {
  messages: MessageCatalog;
  defaultCountry: CountryCode | undefined;
  brand: string | undefined;
}

/** The outcome of running the schema on one row's values. */
export interface RuleVerdict {
  /** Normalized values by key (login type lower-cased or `''`, phone E.164 or as found, others trimmed). */
  normalized: Record<string, string>;
  /** The row's issues (shared empty array never returned: always a fresh array). */
  issues: Issue[];
  /** Whether any issue is an error. */
  hasError: boolean;
  /** Normalized login ID (E.164 or lower-cased email) when the login ID normalizes. */
  loginKey: string | undefined;
}

/** A built row schema and the function that runs it. */
export interface RowSchema {
  /** The zod/mini schema: an object of the profile's keys (strings) with the rules as checks. */
  schema: z.ZodMiniType;
  /** Runs the schema on one row's values (every profile key present as a string). */
  run(values: Record<string, string>): RuleVerdict;
}

function push(payload: Payload, issue: Issue): void {
  payload.issues.push({ code: 'custom', input: payload.value, continue: true, params: { issue } } as z.core.$ZodRawIssue);
}

/** Trims, and reads off an apostrophe that kept a formula-looking value as text. */
function clean(value: string): string {
  const t = value.trim();
  if (t.charCodeAt(0) === 39) {
    const next = t.charCodeAt(1);
    if (next === 61 || next === 43 || next === 45 || next === 64) return t.slice(1);
  }
  return t;
}

function codePoints(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

function columnRule(column: ProfileColumn, settings: RuleSettings): (payload: Payload) => void {
  const { messages, defaultCountry } = settings;
  const key = column.key;
  const header = brandWords(column.header, settings.brand);
  const issue = (code: IssueCode, severity: Severity, context: MessageContext): Issue =>
    makeIssue(messages, code, severity, { column: key, header, ...context });
  switch (column.rule) {
    case 'loginType':
      return (payload) => {
        const t = payload.value.trim();
        const lower = t.toLowerCase();
        if (lower === 'phone' || lower === 'email') {
          payload.value = lower;
          return;
        }
        payload.value = '';
        if (t === '') return push(payload, issue('login_type.required', 'error', {}));
        const near = LOGIN_TYPE_NEAR_MISSES.get(lower.replace(/[^\p{L}\p{N}]+/gu, ''));
        push(payload, issue('login_type.invalid', 'error', near ? { value: t, suggestion: near } : { value: t }));
      };
    case 'phone':
      return (payload) => {
        const t = payload.value.trim();
        const result = checkPhone(t, defaultCountry);
        if (typeof result === 'string') {
          // A number already written as E.164 keeps the cell's string: the row's value and its record then
          // share one string, not two equal ones.
          payload.value = result === t ? t : result;
          return;
        }
        payload.value = t;
        const context: MessageContext = { value: t };
        if (result.code === 'phone.missing_plus' && result.suggestion) context.suggestion = result.suggestion;
        if (result.code === 'phone.invalid') {
          context.reason = result.reason;
          if (result.country) context.country = result.country;
          if (result.callingCode) context.callingCode = result.callingCode;
        }
        push(payload, issue(result.code, 'error', context));
      };
    case 'email':
      return (payload) => {
        const t = payload.value.trim();
        payload.value = t;
        if (t === '') return push(payload, issue('email.required', 'error', {}));
        if (!isValidEmail(t)) return push(payload, issue('email.invalid', 'error', { value: t, found: t.length }));
        const suggestion = emailTypoSuggestion(t);
        if (suggestion) push(payload, issue('email.typo', 'warning', { value: t, suggestion }));
      };
    case 'name':
      return (payload) => {
        const t = clean(payload.value);
        payload.value = t;
        if (t === '') return push(payload, issue('name.required', 'error', {}));
        if (t.length > MAX_NAME_LENGTH) {
          const length = codePoints(t);
          if (length > MAX_NAME_LENGTH) push(payload, issue('name.too_long', 'error', { found: length, limit: MAX_NAME_LENGTH }));
        }
      };
    case 'text': {
      const { required = false, maxLength } = column;
      return (payload) => {
        const t = clean(payload.value);
        payload.value = t;
        if (t === '') {
          if (required) push(payload, issue('field.required', 'error', {}));
          return;
        }
        if (maxLength !== undefined && t.length > maxLength) {
          const length = codePoints(t);
          if (length > maxLength) push(payload, issue('field.too_long', 'error', { found: length, limit: maxLength }));
        }
      };
    }
    default:
      throw new TypeError(`bulk-enroll: unknown rule "${String(column.rule)}"`);
  }
}

const NO_ISSUES: readonly Issue[] = [];

/** Builds the one row schema of a profile. Build it once per validation run; it is reused for every row. */
export function buildRowSchema(profile: Profile, settings: RuleSettings): RowSchema {
  const core = coreColumns(profile);
  const loginTypeKey = core.loginType.key;
  const phoneKey = core.phone.key;
  const emailKey = core.email.key;
  const phoneHeader = brandWords(core.phone.header, settings.brand);
  const shape: Record<string, z.ZodMiniType<string, string>> = {};
  for (const column of profile.columns) shape[column.key] = z.string().check(z.check<string>(columnRule(column, settings)));

  // The object-level check runs last, on the normalized values; it leaves what it learned here.
  let lastValue: Record<string, string> | undefined;
  let lastIssues: readonly z.core.$ZodRawIssue[] = NO_ISSUES as unknown as z.core.$ZodRawIssue[];
  let lastLoginKey: string | undefined;

  const schema = z.object(shape).check(
    z.check<Record<string, string>>((payload) => {
      const v = payload.value;
      const issues = payload.issues;
      let phoneBad = false;
      let emailBad = false;
      for (const raw of issues) {
        const issue = (raw as { params?: { issue?: Issue } }).params?.issue;
        if (!issue || issue.severity !== 'error') continue;
        if (issue.column === phoneKey) phoneBad = true;
        else if (issue.column === emailKey) emailBad = true;
      }
      const loginType = v[loginTypeKey];
      const phone = v[phoneKey] ?? '';
      let loginKey: string | undefined;
      if (loginType === 'phone') {
        if (phone === '' && !phoneBad) {
          const issue = makeIssue(settings.messages, 'phone.required', 'error', { column: phoneKey, header: phoneHeader });
          issues.push({ code: 'custom', input: phone, continue: true, params: { issue } } as z.core.$ZodRawIssue);
        } else if (!phoneBad) loginKey = phone;
      } else if (loginType === 'email' && !emailBad) {
        loginKey = (v[emailKey] ?? '').toLowerCase();
      }
      lastValue = v;
      lastIssues = issues;
      lastLoginKey = loginKey;
    }),
  );

  return {
    schema,
    run(values) {
      lastValue = undefined;
      schema.safeParse(values);
      const normalized = lastValue;
      if (!normalized) throw new Error('bulk-enroll: row schema did not run to the end');
      const issues: Issue[] = [];
      let hasError = false;
      for (const raw of lastIssues) {
        const issue = (raw as { params?: { issue?: Issue } }).params?.issue;
        if (!issue) continue;
        if (issue.severity === 'error') hasError = true;
        issues.push(issue);
      }
      lastIssues = NO_ISSUES as unknown as z.core.$ZodRawIssue[];
      return { normalized, issues, hasError, loginKey: lastLoginKey };
    },
  };
}
