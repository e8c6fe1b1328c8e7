/**
 * The outlier rule shared by the reports (tasks: 成绩单) and the assessments (indicator scores):
 * a value is compared with its peers' values, its own left out: z = (value − peer mean) / s,
 * where s is the peers' standard deviation but never less than OUTLIER_MIN_SPREAD (5%) of the
 * peer mean's magnitude nor than a floor the caller gives per measure (so that near-identical
 * peers do not make every small difference infinite). Flagged when |z| ≥ OUTLIER_Z (2) and there
 * are at least OUTLIER_MIN_PEERS (4) peers; with fewer no figures at all (they would reveal the
 * peers' own values). Pure.
 */
export const OUTLIER_Z = 2;
export const OUTLIER_MIN_PEERS = 4;
export const OUTLIER_MIN_SPREAD = 0.05;

export interface PeerComparison {
  mean: number | null;
  sd: number | null;
  z: number | null;
  outlier: boolean;
}

/** x against n peers given by their sum and sum of squares (so a group of n costs O(n)). */
export function judgeAgainstPeers(x: number, n: number, sum: number, squares: number, floor: number): PeerComparison {
  if (n < OUTLIER_MIN_PEERS) return { mean: null, sd: null, z: null, outlier: false };
  const mean = sum / n;
  const sd = Math.sqrt(Math.max(0, squares / n - mean * mean));
  const z = (x - mean) / Math.max(sd, OUTLIER_MIN_SPREAD * Math.abs(mean), floor);
  return { mean, sd, z, outlier: Math.abs(z) >= OUTLIER_Z };
}

/** `x` against the peers' values. */
export const peerComparison = (x: number, peers: readonly number[], floor = 1e-9): PeerComparison =>
  judgeAgainstPeers(
    x,
    peers.length,
    peers.reduce((a, b) => a + b, 0),
    peers.reduce((a, b) => a + b * b, 0),
    floor,
  );

/** Each sample against all the others (leave-one-out), in order. */
export function leaveOneOut<T extends { value: number }>(
  samples: readonly T[],
  floor: number,
): Array<{ sample: T; peers: number } & PeerComparison> {
  let sum = 0;
  let squares = 0;
  for (const s of samples) {
    sum += s.value;
    squares += s.value * s.value;
  }
  return samples.map((s) => ({
    sample: s,
    peers: samples.length - 1,
    ...judgeAgainstPeers(s.value, samples.length - 1, sum - s.value, squares - s.value * s.value, floor),
  }));
}
