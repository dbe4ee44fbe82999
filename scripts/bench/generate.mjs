// Seeded, realistic enrollment files for the benchmark, with the mix measured in
// ../shared/PERF-NOTES.md: ~69% phone logins from 29 countries, ~69% non-ASCII names,
// ~8% bad rows (lost +, scientific notation, bad emails, missing names, duplicates, typos).
import { getExampleNumber } from 'libphonenumber-js/min/es6';
import examples from 'libphonenumber-js/mobile/examples';

const countries = ['US', 'GB', 'DE', 'FR', 'ES', 'IT', 'NL', 'BE', 'SE', 'NO', 'DK', 'FI', 'PL', 'PT', 'IE', 'CH', 'AT', 'CA', 'MX', 'BR', 'AR', 'IN', 'JP', 'KR', 'CN', 'AU', 'NZ', 'ZA', 'AE'];
// Each country's example mobile number without its last five digits; a counter per country fills them
// in, so that login IDs are unique (every five-digit ending of these examples is valid) unless a row
// repeats one on purpose.
const prefixes = countries.map((country) => {
  const number = getExampleNumber(country, examples).number;
  return number.slice(0, number.length - 5);
});
const firstAscii = ['John', 'Mary', 'David', 'Sarah', 'Michael', 'Emma', 'James', 'Olivia', 'Robert', 'Linda'];
const firstOther = ['José', 'Zoë', 'Søren', 'Łukasz', 'Renée', 'Jürgen', 'Chloé', 'Ólafur', 'Dvořák', 'Ngọc', '王芳', 'Алексей', 'محمد', 'Σοφία', 'Çağrı'];
const last = ['Smith', 'García', 'Müller', 'Nowak', 'Rossi', 'Dubois', 'Kowalski', 'Johansson', 'Silva', 'Öztürk', 'Nakamura', 'Kim', 'Patel'];
const domains = ['acme.example', 'initech.example', 'globex.example', 'gmail.com', 'outlook.com', 'yahoo.com'];

/** Bumped whenever the files change, so that the bench writes its cached files again. */
export const GENERATOR_VERSION = 2;

/** Mulberry32: a small seeded PRNG, so every run of the bench reads the same file (and a test can replay its run). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const csvCell = (value) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** The CSV text of `rows` users (plus the header), deterministic for a seed. */
export function generateCsv(rows, seed = 42) {
  const random = prng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const lines = ['iPlum ID (phone/email),Phone #,Email,Name'];
  const issued = countries.map(() => 0);
  const phoneOf = (c, n) => `${prefixes[c]}${String(n % 100000).padStart(5, '0')}`;
  for (let i = 0; i < rows; i++) {
    const first = random() < 0.69 ? pick(firstOther) : pick(firstAscii);
    const name = `${first} ${pick(last)}`;
    const email = `user${i}.${Math.floor(random() * 1e6)}@${pick(domains)}`;
    const c = Math.floor(random() * countries.length);
    let phone = phoneOf(c, issued[c]++);
    let loginType = random() < 0.69 ? 'phone' : 'email';
    let finalEmail = email;
    let finalName = name;
    const bad = random();
    if (bad < 0.02) phone = phone.slice(1); // the + lost
    else if (bad < 0.03) phone = `${phone.slice(1, 2)}.${phone.slice(2, 7)}E+${phone.length - 3}`; // scientific notation
    else if (bad < 0.045) finalEmail = email.replace('@', '@@');
    else if (bad < 0.055) finalName = '';
    else if (bad < 0.065) loginType = 'mobile';
    else if (bad < 0.07) finalEmail = email.replace('gmail.com', 'gmial.com');
    else if (bad < 0.08 && issued[c] > 1) phone = phoneOf(c, issued[c] - 2); // the country's previous number: a duplicate when both are phone logins
    if (loginType === 'email' && random() < 0.5) phone = '';
    lines.push([loginType, phone, finalEmail, finalName].map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
