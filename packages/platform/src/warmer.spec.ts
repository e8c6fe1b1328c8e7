import { startWarmer, warmingWanted, type Warmer } from './warmer';

const INTERVAL = 15;
const ticks = (n: number) => new Promise((r) => setTimeout(r, n * INTERVAL + 5));
async function until(what: () => boolean, limit = 200): Promise<void> {
  for (let i = 0; i < limit && !what(); i++) await ticks(1);
  if (!what()) throw new Error('condition never held');
}

describe('startWarmer', () => {
  let warmer: Warmer | undefined;
  afterEach(async () => {
    await warmer?.stop();
    warmer = undefined;
  });

  it('warms once the revision has stood still for an interval, and not again while it stands', async () => {
    const warmed: string[] = [];
    let revision = 'r1';
    warmer = startWarmer({
      name: 't',
      intervalMs: INTERVAL,
      revision: async () => revision,
      warm: async () => {
        warmed.push(revision);
      },
    });
    await until(() => warmed.length === 1);
    await ticks(6);
    expect(warmed).toEqual(['r1']);
    revision = 'r2'; // a write
    await until(() => warmed.length === 2);
    await ticks(4);
    expect(warmed).toEqual(['r1', 'r2']);
    expect(warmer.runs).toBe(2);
  });

  it('leaves a revision that moves at every tick alone until it settles', async () => {
    const warmed: number[] = [];
    let n = 0;
    let moving = true;
    warmer = startWarmer({
      name: 't',
      intervalMs: INTERVAL,
      revision: async () => String(moving ? ++n : n),
      warm: async () => {
        warmed.push(n);
      },
    });
    await ticks(8);
    expect(warmed).toEqual([]);
    moving = false;
    await until(() => warmed.length === 1);
    expect(warmed).toEqual([n]);
  });

  it('tries again after a failed warm-up or revision read, and keeps going', async () => {
    let failures = 2;
    let reads = 0;
    const warmed: string[] = [];
    warmer = startWarmer({
      name: 't',
      intervalMs: INTERVAL,
      revision: async () => {
        if (++reads === 2) throw new Error('database restarting');
        return 'r1';
      },
      warm: async () => {
        if (failures-- > 0) throw new Error('org not up yet');
        warmed.push('r1');
      },
    });
    await until(() => warmed.length === 1);
    expect(failures).toBe(-1);
    expect(warmer.runs).toBe(1);
  });

  it('stop waits for a warm-up under way, and none starts after', async () => {
    let release!: () => void;
    let started = 0;
    warmer = startWarmer({
      name: 't',
      intervalMs: INTERVAL,
      revision: async () => String(started),
      warm: () => {
        started++;
        return new Promise<void>((r) => {
          release = r;
        });
      },
    });
    await until(() => started === 1);
    let stopped = false;
    const stopping = warmer.stop().then(() => {
      stopped = true;
    });
    await ticks(2);
    expect(stopped).toBe(false);
    release();
    await stopping;
    await ticks(4);
    expect(started).toBe(1);
    warmer = undefined;
  });

  it('is wanted unless HUB_WARM=off', () => {
    expect(warmingWanted({})).toBe(true);
    expect(warmingWanted({ HUB_WARM: 'on' })).toBe(true);
    expect(warmingWanted({ HUB_WARM: 'off' })).toBe(false);
  });
});
