import type { FinancingKey } from './schema.js';

/** One cooperant as the key sees it. */
export interface ContributionInput {
  memberId: string;
  inhabitants: number | null;
  fixedCents: number;
}

export interface KeyWeights {
  equal: number;
  inhabitants: number;
  fixed: number;
}

/** Why a key cannot share the budget (a catalog key under cooperative.errors). */
export type KeyProblem = 'noMembers' | 'noInhabitants' | 'noFixed' | 'noWeights';

/**
 * Shares a budget (cents) over the cooperants by a key. Every key is a set of weights per cooperant:
 * equal (1 each), per inhabitant, the fixed table (its amounts, scaled to the budget when they do not add
 * up to it), or a mix of those three parts by percentage weights. Cents are rounded by the largest
 * remainder method, so the contributions always add up to exactly the budget.
 */
export function computeContributions(
  budgetCents: number,
  key: FinancingKey,
  members: readonly ContributionInput[],
  mix: KeyWeights = { equal: 0, inhabitants: 0, fixed: 0 },
): { ok: true; cents: Map<string, number> } | { ok: false; problem: KeyProblem } {
  if (members.length === 0) return { ok: false, problem: 'noMembers' };
  const parts: { weight: number; values: number[]; problem: KeyProblem }[] = [];
  const equal = { values: members.map(() => 1), problem: 'noMembers' as const };
  const inhabitants = { values: members.map((member) => member.inhabitants ?? 0), problem: 'noInhabitants' as const };
  const fixed = { values: members.map((member) => member.fixedCents), problem: 'noFixed' as const };
  if (key === 'gelijk') parts.push({ weight: 1, ...equal });
  if (key === 'inwoners') parts.push({ weight: 1, ...inhabitants });
  if (key === 'vast') parts.push({ weight: 1, ...fixed });
  if (key === 'mix') {
    if (mix.equal + mix.inhabitants + mix.fixed <= 0) return { ok: false, problem: 'noWeights' };
    if (mix.equal > 0) parts.push({ weight: mix.equal, ...equal });
    if (mix.inhabitants > 0) parts.push({ weight: mix.inhabitants, ...inhabitants });
    if (mix.fixed > 0) parts.push({ weight: mix.fixed, ...fixed });
  }
  const totalWeight = parts.reduce((sum, part) => sum + part.weight, 0);
  const exact = members.map(() => 0);
  for (const part of parts) {
    const sum = part.values.reduce((total, value) => total + value, 0);
    if (sum <= 0) return { ok: false, problem: part.problem };
    part.values.forEach((value, index) => {
      exact[index]! += (budgetCents * part.weight * value) / (totalWeight * sum);
    });
  }
  const floors = exact.map((value) => Math.floor(value + 1e-9));
  let left = budgetCents - floors.reduce((sum, value) => sum + value, 0);
  // Largest remainders first; ties go to the earlier cooperant (the caller's order, by name), so the result is stable.
  const order = exact.map((value, index) => ({ index, remainder: value - floors[index]! })).sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of order) {
    if (left <= 0) break;
    floors[index]! += 1;
    left -= 1;
  }
  // Floating-point noise can overshoot by a cent: take it back from the smallest remainders.
  for (const { index } of [...order].reverse()) {
    if (left >= 0) break;
    if (floors[index]! > 0) {
      floors[index]! -= 1;
      left += 1;
    }
  }
  return { ok: true, cents: new Map(members.map((member, index) => [member.memberId, floors[index]!])) };
}
