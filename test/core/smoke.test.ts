import { expect } from 'chai';
import { readManifest } from '../helpers/fixtures.js';

describe('fixtures', () => {
  it('reads the manifest', async () => {
    const m = await readManifest();
    expect(m.length).to.be.greaterThan(20);
  });
});
