import * as z from 'zod/mini';
const N = 200000;
const vals = Array.from({ length: N }, (_, i) => ({ loginType: 'phone', phone: '+14155550000', email: `u${i}@acme.example`, name: `User ${i}` }));
const plain = z.object({ loginType: z.string(), phone: z.string(), email: z.string(), name: z.string() });
const noop = z.check<string>(() => {});
const checked = z.object({ loginType: z.string().check(noop), phone: z.string().check(noop), email: z.string().check(noop), name: z.string().check(noop) });
const objCheck = plain.check(z.check(() => {}));
for (let k = 0; k < 3; k++) {
  for (const [label, s] of [['plain', plain], ['fieldChecks', checked], ['objCheck', objCheck]] as const) {
    const t = performance.now();
    for (const v of vals) s.safeParse(v);
    console.log(label, ((performance.now() - t) * 1000 / N).toFixed(3), 'µs/row');
  }
}
