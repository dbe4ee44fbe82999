// The password rules alone: no DOM and no Lit needed to import them.
import { expect } from '@open-wc/testing';
import {
  checkPassword,
  codePointLength,
  containsLoginId,
  isCommonPassword,
  MAX_PASSWORD_LENGTH,
  normalizeMinLength,
  passwordProblemsOf,
} from '../../src/core/password/password-rules.js';
import { COMMON_PASSWORDS_COUNT, COMMON_PASSWORDS_SIZE } from '../../src/core/password/common-passwords.js';

describe('invite-accept-form password rules', () => {
  it('counts code points, so an emoji is one character', () => {
    expect(codePointLength('🔑')).to.equal(1);
    expect(codePointLength('👩🏽‍💻')).to.equal(4);
    expect(codePointLength('añb c')).to.equal(5);
    expect(checkPassword('🔑🔑🔑🔑🔑🔑🔑')).to.equal('too-short');
    expect(checkPassword('🔑🔑🔑🔑🔑🔑🔑🔑')).to.equal(undefined);
  });

  it('allows 8 to 128 characters by default, any of them, with no composition rules', () => {
    expect(checkPassword('abcdefg')).to.equal('too-short');
    expect(checkPassword('zebra lamp')).to.equal(undefined);
    expect(checkPassword('        ')).to.equal(undefined);
    expect(checkPassword('ééééééééé')).to.equal(undefined);
    expect(checkPassword('x'.repeat(MAX_PASSWORD_LENGTH))).to.equal(undefined);
    expect(checkPassword('x'.repeat(MAX_PASSWORD_LENGTH + 1))).to.equal('too-long');
    expect(checkPassword('🔑'.repeat(MAX_PASSWORD_LENGTH))).to.equal(undefined);
  });

  it('follows the minimum length, and ignores a nonsensical one', () => {
    expect(checkPassword('abcdefghijk', { minLength: 12 })).to.equal('too-short');
    expect(checkPassword('qzxv ym', { minLength: 6 })).to.equal(undefined);
    expect(normalizeMinLength(12)).to.equal(12);
    for (const bad of [0, -1, 3.5, Number.NaN, 200, '8' as unknown]) expect(normalizeMinLength(bad)).to.equal(8);
  });

  it('refuses a password that equals or contains the login ID, case-insensitively, phones also without +', () => {
    expect(containsLoginId('Maria.Lopez@Acme.example', 'maria.lopez@acme.example')).to.equal(true);
    expect(containsLoginId('my maria.lopez@acme.example!', 'maria.lopez@acme.example')).to.equal(true);
    expect(containsLoginId('+14085550142', '+14085550142')).to.equal(true);
    expect(containsLoginId('pw14085550142', '+14085550142')).to.equal(true);
    expect(containsLoginId('pw4085550142x', '+14085550142')).to.equal(false);
    expect(containsLoginId('anything at all', '')).to.equal(false);
    expect(checkPassword('xx+14085550142', { loginId: '+14085550142' })).to.equal('contains-login-id');
  });

  it('refuses the most common passwords, case-insensitively, from a bundled list of at least 1,000', () => {
    expect(COMMON_PASSWORDS_COUNT).to.be.at.least(1000);
    expect(COMMON_PASSWORDS_SIZE).to.be.at.least(1000);
    for (const common of ['password', 'PASSWORD', '12345678', '123456789', 'iloveyou', 'sunshine', 'qwertyuiop', 'Football', 'password1', 'trustno1', 'starwars'])
      expect(isCommonPassword(common), common).to.equal(true);
    expect(checkPassword('Password1')).to.equal('common');
    expect(checkPassword('abc123', { minLength: 6 }), 'shorter ones too, for a lower minimum').to.equal('common');
    for (const rare of ['correct horse battery staple', 'tiny violet kettle', 'q7#Lm2!vZp', 'ñandú feliz 🦩'])
      expect(isCommonPassword(rare), rare).to.equal(false);
  });

  it('mistakes almost no other password for a common one (1 in 65,536)', () => {
    // 200,000 passwords not on the list: about 3 expected; with 11-bit hashes it would be about 98.
    let mistaken = 0;
    for (let i = 0; i < 200000; i++) if (isCommonPassword(`unusual-${i}-phrase`)) mistaken++;
    expect(mistaken).to.be.below(12);
  });

  it('lists every problem, most serious first', () => {
    expect(passwordProblemsOf('')).to.deep.equal(['too-short']);
    expect(passwordProblemsOf('sunshine', { loginId: 'sunshine' })).to.deep.equal(['contains-login-id', 'common']);
    expect(passwordProblemsOf('a'.repeat(129) + 'me@x.io', { loginId: 'me@x.io' })).to.deep.equal(['too-long', 'contains-login-id']);
  });
});
