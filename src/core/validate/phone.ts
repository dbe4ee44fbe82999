/**
 * Phone numbers as admins write them in spreadsheets → E.164, with libphonenumber-js: its ES2015+
 * build (`core/es6`, smaller and faster than the ES5 build) with the `min` metadata passed in, as the
 * `min` entry point's wrappers copy the arguments and re-set each result's prototype on every call.
 * @module
 */
import { parsePhoneNumberFromString, validatePhoneNumberLength } from 'libphonenumber-js/core/es6';
import type { CountryCode, PhoneNumber } from 'libphonenumber-js/core/es6';
import metadata from 'libphonenumber-js/min/metadata';
import type { PhoneProblem } from '../types.js';

/** Why a phone was refused. Built only for refused phones. */
export type PhoneFailure =
  | { code: 'phone.excel_scientific' }
  | { code: 'phone.missing_plus'; suggestion?: string }
  | { code: 'phone.invalid'; reason: PhoneProblem; country?: string; callingCode?: string };

const SCIENTIFIC = /^[+-]?\d+(?:[.,]\d+)?e[+-]?\d+$/i;
const SEPARATORS = /[\s\-.()\u2010-\u2015\u2212]/g;
const DIGITS = /^\d+$/;

const LENGTH_REASONS: Record<string, PhoneProblem> = {
  TOO_SHORT: 'too_short',
  TOO_LONG: 'too_long',
  INVALID_COUNTRY: 'unknown_country_code',
  NOT_A_NUMBER: 'not_a_number',
  INVALID_LENGTH: 'invalid_length',
};

const parse = (text: string, country: CountryCode | undefined): PhoneNumber | undefined =>
  country ? parsePhoneNumberFromString(text, country, metadata) : parsePhoneNumberFromString(text, metadata);

function e164(text: string, country: CountryCode | undefined): string | undefined {
  const number = parse(text, country);
  if (number === undefined || !number.isValid()) return undefined;
  // `number.number` is '+' + calling code + national number, which V8 keeps as a chain of three strings
  // when it is 13 characters or more: joined, it is one string, less than half the memory on a big file.
  return ['+', number.countryCallingCode, number.nationalNumber].join('');
}

function invalid(text: string, country: CountryCode | undefined): PhoneFailure {
  let reason: PhoneProblem = 'not_possible';
  let where: string | undefined;
  let callingCode: string | undefined;
  try {
    const length = country ? validatePhoneNumberLength(text, country, metadata) : validatePhoneNumberLength(text, metadata);
    if (length) reason = LENGTH_REASONS[length] ?? 'not_possible';
    const number = parse(text, country);
    if (number) {
      callingCode = number.countryCallingCode;
      where = number.country ?? number.getPossibleCountries()[0];
    }
  } catch {
    reason = 'not_a_number';
  }
  if (reason === 'unknown_country_code' && !callingCode) {
    const m = /^\+(\d{1,3})/.exec(text);
    if (m) callingCode = m[1];
  }
  const failure: PhoneFailure = { code: 'phone.invalid', reason };
  if (where) failure.country = where;
  if (callingCode) failure.callingCode = callingCode;
  return failure;
}

/** A supported ISO country code, or undefined. */
export function toCountry(code: string | undefined): CountryCode | undefined {
  if (!code) return undefined;
  const upper = code.trim().toUpperCase();
  return /^[A-Z]{2}$/.test(upper) ? (upper as CountryCode) : undefined;
}

/**
 * Checks one phone value (already trimmed; may be empty). Returns the E.164 number when valid,
 * `''` when empty, or a {@link PhoneFailure}. Steps (fixtures README): one leading apostrophe removed;
 * scientific notation (`1.40856E+10`, `1,40856E+10`) refused; spaces, dashes, dots and parentheses
 * removed; `+…` judged by libphonenumber; digits without `+` read as a national number of
 * `defaultCountry` when one is given, else `phone.missing_plus` (suggesting `+digits` when valid);
 * anything else is `phone.invalid`.
 */
export function checkPhone(value: string, defaultCountry?: CountryCode): string | PhoneFailure {
  let text = value;
  if (text.charCodeAt(0) === 39) text = text.slice(1).trim();
  if (text === '') return '';
  if (SCIENTIFIC.test(text)) return { code: 'phone.excel_scientific' };
  const cleaned = text.replace(SEPARATORS, '');
  if (cleaned.charCodeAt(0) === 43) {
    return e164(cleaned, undefined) ?? invalid(cleaned, undefined);
  }
  if (DIGITS.test(cleaned)) {
    if (defaultCountry) {
      const national = e164(cleaned, defaultCountry);
      if (national) return national;
    }
    const plus = e164(`+${cleaned}`, undefined);
    if (defaultCountry && !plus) return invalid(cleaned, defaultCountry);
    if (plus) return { code: 'phone.missing_plus', suggestion: plus };
    if (cleaned.startsWith('00')) {
      const idd = e164(`+${cleaned.slice(2)}`, undefined);
      if (idd) return { code: 'phone.missing_plus', suggestion: idd };
    }
    return { code: 'phone.missing_plus' };
  }
  return invalid(cleaned, defaultCountry);
}
