/**
 * The signature verifier's limits from the environment, read by subgraph processes only (the
 * gateway and the service clients sign; they never verify), so this lives apart from
 * signature.ts, which every process imports.
 */
import type { VerifierOptions } from './signature';

function positiveInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer (got ${raw})`);
  return n;
}

/** SIGNATURE_MAX_AGE_MS (10 s), SIGNATURE_CLOCK_SKEW_MS (2 s), SIGNATURE_NONCE_CACHE_MAX (100,000). */
export function signatureLimitsFromEnv(
  env: NodeJS.ProcessEnv = process.env,
): Pick<VerifierOptions, 'maxAgeMs' | 'skewMs' | 'maxNonces'> {
  return {
    maxAgeMs: positiveInt('SIGNATURE_MAX_AGE_MS', env.SIGNATURE_MAX_AGE_MS, 10_000),
    skewMs: positiveInt('SIGNATURE_CLOCK_SKEW_MS', env.SIGNATURE_CLOCK_SKEW_MS, 2_000),
    maxNonces: positiveInt('SIGNATURE_NONCE_CACHE_MAX', env.SIGNATURE_NONCE_CACHE_MAX, 100_000),
  };
}
