import { expect } from 'chai';
import { getCountries, getExampleNumber } from 'libphonenumber-js/min/es6';
import type { CountryCode } from 'libphonenumber-js/min/es6';
import examples from 'libphonenumber-js/examples.mobile.json';
import { validateRow } from '../../src/core/index.js';
import { checkPhone } from '../../src/core/validate/phone.js';

describe('checkPhone', () => {
  it('reads the spreadsheet realities', () => {
    expect(checkPhone("'+14085550142")).to.equal('+14085550142');
    expect(checkPhone('+1 (408) 555-0142')).to.equal('+14085550142');
    expect(checkPhone('+1.408.555.0142')).to.equal('+14085550142');
    expect(checkPhone('+44 (0)20 7946 0999')).to.equal('+442079460999');
    expect(checkPhone('')).to.equal('');
  });
  it('refuses scientific notation, with a dot or a decimal comma', () => {
    for (const v of ['1.40856E+10', '4.47911E+11', '1,40856E+10', '1.4e10']) {
      expect(checkPhone(v)).to.deep.equal({ code: 'phone.excel_scientific' });
    }
  });
  it('suggests the + when digits are valid with it', () => {
    expect(checkPhone('14155550161')).to.deep.equal({ code: 'phone.missing_plus', suggestion: '+14155550161' });
    expect(checkPhone('(415) 555-0162')).to.deep.equal({ code: 'phone.missing_plus' });
    expect(checkPhone('0044 7911 123461')).to.deep.equal({ code: 'phone.missing_plus', suggestion: '+447911123461' });
  });
  it('reads national numbers of defaultCountry, including 00 and trunk prefixes', () => {
    expect(checkPhone('(408) 555-0142', 'US')).to.equal('+14085550142');
    expect(checkPhone('1-408-555-0145', 'US')).to.equal('+14085550145');
    expect(checkPhone('07911 123463', 'GB')).to.equal('+447911123463');
    expect(checkPhone('0044 7911 123462', 'GB')).to.equal('+447911123462');
    expect(checkPhone('001 415 555 0164', 'GB')).to.equal('+14155550164');
    expect(checkPhone('0151 23456789', 'DE')).to.equal('+4915123456789');
    expect(checkPhone('447911123459', 'US')).to.deep.equal({ code: 'phone.missing_plus', suggestion: '+447911123459' });
  });
  it('says why a number is invalid', () => {
    expect(checkPhone('+14081231234')).to.include({ code: 'phone.invalid', reason: 'not_possible', country: 'US' });
    expect(checkPhone('+1 415 555 016')).to.include({ code: 'phone.invalid', reason: 'too_short' });
    expect(checkPhone('+1 415 555 01634')).to.include({ code: 'phone.invalid', reason: 'too_long' });
    expect(checkPhone('+999 123 456 7890')).to.include({ code: 'phone.invalid', reason: 'unknown_country_code' });
    expect(checkPhone('N/A')).to.include({ code: 'phone.invalid' });
    expect(checkPhone('12', 'US')).to.include({ code: 'phone.invalid' });
  });
  it('explains +14081231234 in plain words', () => {
    const report = validateRow({ loginType: 'phone', phone: '+14081231234', email: 'a@b.example', name: 'A' });
    const issue = report.issues.find((i) => i.code === 'phone.invalid');
    expect(issue?.message).to.match(/United States/).and.match(/right number of digits/);
  });
});

describe('every example number libphonenumber-js ships, written the ways admins write it', () => {
  it('normalizes to the right E.164', () => {
    let checked = 0;
    for (const country of getCountries() as CountryCode[]) {
      const example = getExampleNumber(country, examples);
      if (!example) continue;
      const e164 = example.number;
      const spaced = example.formatInternational();
      const national = example.formatNational();
      const ways: [string, CountryCode | undefined][] = [
        [e164, undefined],
        [spaced, undefined],
        [`'${spaced}`, undefined],
        [national, country],
        [`'${e164}`, country],
      ];
      for (const [written, defaultCountry] of ways) {
        expect(checkPhone(written, defaultCountry), `${country} ${written}`).to.equal(e164);
      }
      // without the +: the suggestion, or (under its own country) the number itself
      const digits = e164.slice(1);
      const noPlus = checkPhone(digits);
      expect(noPlus, `${country} ${digits}`).to.deep.equal({ code: 'phone.missing_plus', suggestion: e164 });
      checked++;
    }
    expect(checked).to.be.greaterThan(200);
  });
});
