// Where validateCsv's time goes, stage by stage. Run: node --import tsx test/core/bench/stages.bench.ts
import { generateCsv } from './gen.js';
import { parsePhoneNumberFromString } from 'libphonenumber-js/min/es6';
import { applyCrossRowChecks, createRowValidator, readCsv } from '../../../src/core/index.js';
import { checkPhone } from '../../../src/core/validate/phone.js';
import { buildRowSchema } from '../../../src/core/validate/schema.js';
import { defaultMessages } from '../../../src/core/messages.js';
import { DEFAULT_PROFILE } from '../../../src/core/profile.js';

const N = 100000;
const csv = generateCsv(N);
const bytes = new TextEncoder().encode(csv);
for (let k = 0; k < 3; k++) {
  let t = performance.now();
  const read = await readCsv(bytes, { maxRows: Infinity });
  const tRead = performance.now() - t;
  const v = createRowValidator({}, read.columns);
  t = performance.now();
  const reports = read.rows.map((r) => v.validateCells(r));
  const tRows = performance.now() - t;
  t = performance.now();
  applyCrossRowChecks(reports, {});
  const tCross = performance.now() - t;
  const phones = read.rows.map((r) => r.cells[1]!);
  t = performance.now();
  for (const p of phones) checkPhone(p);
  const tPhone = performance.now() - t;
  t = performance.now();
  for (const p of phones) parsePhoneNumberFromString(p)?.isValid();
  const tLib = performance.now() - t;
  const schema = buildRowSchema(DEFAULT_PROFILE, { messages: defaultMessages, defaultCountry: undefined, brand: 'iPlum' });
  const vals = read.rows.map((r) => ({ loginType: r.cells[0]!, phone: '+14155550100', email: r.cells[2]!, name: r.cells[3]! }));
  t = performance.now();
  for (const x of vals) schema.run(x);
  const tSchema = performance.now() - t;
  console.log({ tRead, tRows, tCross, tPhone, tLib, tSchemaNoPhone: tSchema });
}
