// A realistic users CSV for the worker pool tests: 69% phone logins from 29 countries, non-ASCII names, ~8% bad rows,
// with a byte-order mark and CRLF as Excel writes them. (`npm run bench` has its own generator, scripts/bench/generate.mjs.)
import { getExampleNumber } from 'libphonenumber-js/min/es6';
import type { CountryCode } from 'libphonenumber-js/min/es6';
import examples from 'libphonenumber-js/examples.mobile.json';

export function generateCsv(n: number): string {
  const regions = ['US', 'GB', 'DE', 'FR', 'IN', 'JP', 'ES', 'BR', 'AU', 'ZA', 'MX', 'IT', 'NL', 'PL', 'SE', 'CA', 'CN', 'NG', 'KE', 'EG',
    'TR', 'AR', 'CO', 'PH', 'ID', 'VN', 'KR', 'SG', 'IE'] as CountryCode[];
  const bases = regions.map((c) => getExampleNumber(c, examples)!.number as string);
  const names = ['Ana Lima', 'Łukasz Zieliński', '山田 太郎', 'محمد عبد الله', 'Sinéad Murphy', 'Chloé Lefèvre', 'John Smith'];
  let seed = 20240611;
  const rand = (k: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % k;
  };
  let csv = '\uFEFFiPlum ID (phone/email),Phone #,Email,Name\r\n';
  for (let i = 0; i < n; i++) {
    const base = bases[i % bases.length]!;
    const e164 = base.slice(0, -4) + String(Math.floor(i / bases.length)).padStart(4, '0');
    const phone = rand(2) ? e164 : `${e164.slice(0, 3)} ${e164.slice(3, 6)} ${e164.slice(6)}`;
    const isPhone = rand(100) < 69;
    const bad = rand(100) < 8;
    const name = names[rand(names.length)]!;
    const domain = rand(100) < 2 ? 'gmial.com' : 'acme.example';
    csv += `${isPhone ? 'phone' : 'email'},${bad ? phone.replace('+', '') : isPhone || rand(2) ? phone : ''},user${i}@${domain},"${name} ${i}"\r\n`;
  }
  return csv;
}
