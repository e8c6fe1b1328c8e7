import { staleFiles } from './composition';

describe('schema/', () => {
  it('the checked-in SDL files and supergraph match a fresh composition (run `npm run compose` after a schema change)', async () => {
    expect(await staleFiles()).toEqual([]);
  });
});
