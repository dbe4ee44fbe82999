import { emailTypoSuggestion, isValidEmail } from '../../../src/core/validate/email.js';
const N = 200000;
const emails = Array.from({ length: N }, (_, i) => `first.last${i}@mail.acme.example`);
const names = Array.from({ length: N }, (_, i) => ` Łukasz Zieliński ${i} `);
const time = (label: string, fn: (i: number) => unknown) => {
  const t = performance.now();
  for (let i = 0; i < N; i++) fn(i);
  console.log(label.padEnd(12), ((performance.now() - t) * 1000 / N).toFixed(3), 'µs');
};
for (let k = 0; k < 2; k++) {
  time('validEmail', (i) => isValidEmail(emails[i]!));
  time('typo', (i) => emailTypoSuggestion(emails[i]!));
  time('trim', (i) => names[i]!.trim());
  time('lower', (i) => emails[i]!.toLowerCase());
  time('obj', (i) => ({ row: i, values: { a: emails[i] }, issues: [] }));
}
