import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The users' own documents beside the repository (../shared/seeds), or REGIEKAMER_SEEDS_DIR. */
export const SEEDS_DIR = process.env.REGIEKAMER_SEEDS_DIR ?? fileURLToPath(new URL('../../../shared/seeds', import.meta.url));

export const SEED_FILES = {
  co7Plan2021: '000_2f1154fcdd5e0142.txt',
  policyPlanDraft: '001_fde8e90bc097a083.txt',
  toolkit: '002_377f1ad2497ac9ae.txt',
  westhoekPlan: '004_4f0f4e3f9cff85db.txt',
} as const;

/** Absolute path of a seed file. */
export function seedPath(name: string): string {
  return resolve(SEEDS_DIR, name);
}

/**
 * True when the seed documents are present; says so once when they are not, so skipped tests are explained.
 * CI always has them: there a missing seed directory fails the run instead of quietly skipping the seed tests.
 */
export const haveSeeds = existsSync(seedPath(SEED_FILES.co7Plan2021));
if (!haveSeeds) {
  const message = `the users' documents were not found in ${SEEDS_DIR} (set REGIEKAMER_SEEDS_DIR)`;
  if (process.env.CI) throw new Error(`Seed tests cannot run in CI: ${message}.`);
  console.warn(`Seed tests skipped: ${message}.`);
}
