import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { planIndicators, planMeasurements } from './schema.js';

interface DemoIndicator {
  name: string;
  unit: string;
  baseline: number;
  target: number;
  /** [measured on, value, source] */
  measurements: [string, number, string][];
}

/**
 * Made-up monitoring figures for the Westhoek demo plan, so its indicator charts show a course over time:
 * one indicator on track, one that reached its target, two behind; the others stay without measurements.
 */
const WESTHOEK_INDICATORS: DemoIndicator[] = [
  {
    name: 'Aantal activiteiten op de regionale aanbodwebsite',
    unit: 'activiteiten',
    baseline: 35,
    target: 120,
    measurements: [
      ['2025-01-15', 41, 'Telling op de aanbodwebsite'],
      ['2025-06-30', 63, 'Telling op de aanbodwebsite'],
      ['2025-12-15', 84, 'Telling op de aanbodwebsite'],
      ['2026-06-30', 102, 'Telling op de aanbodwebsite'],
    ],
  },
  {
    name: 'Bereik van de communicatiekanalen',
    unit: 'personen',
    baseline: 800,
    target: 5000,
    measurements: [
      ['2025-03-31', 950, 'Statistieken nieuwsbrief en sociale media'],
      ['2025-09-30', 1400, 'Statistieken nieuwsbrief en sociale media'],
      ['2026-03-31', 1900, 'Statistieken nieuwsbrief en sociale media'],
    ],
  },
  {
    name: 'Gebruik van de toolbox',
    unit: 'downloads',
    baseline: 0,
    target: 150,
    measurements: [
      ['2025-07-31', 22, 'Downloadteller van de toolbox'],
      ['2025-12-31', 88, 'Downloadteller van de toolbox'],
      ['2026-05-31', 157, 'Downloadteller van de toolbox'],
    ],
  },
  {
    name: "Aantal buddy's",
    unit: "buddy's",
    baseline: 12,
    target: 40,
    measurements: [
      ['2025-02-28', 15, 'Ledenlijst van de buddywerkingen'],
      ['2025-10-31', 24, 'Ledenlijst van de buddywerkingen'],
    ],
  },
  {
    name: 'Aantal aanwezigen',
    unit: 'aanwezigen',
    baseline: 0,
    target: 600,
    measurements: [
      ['2025-04-30', 90, 'Aanwezigheidslijsten'],
      ['2025-10-31', 260, 'Aanwezigheidslijsten'],
      ['2026-04-30', 430, 'Aanwezigheidslijsten'],
    ],
  },
];

/** Gives the demo plan's indicators a unit, baseline, target and dated measurements (by indicator name). */
export async function seedDemoIndicators(db: Db, planId: string): Promise<number> {
  let measured = 0;
  for (const demo of WESTHOEK_INDICATORS) {
    const [indicator] = await db
      .select({ id: planIndicators.id })
      .from(planIndicators)
      .where(and(eq(planIndicators.planId, planId), eq(planIndicators.name, demo.name)));
    if (!indicator) continue;
    await db.update(planIndicators).set({ unit: demo.unit, baseline: String(demo.baseline), target: String(demo.target) }).where(eq(planIndicators.id, indicator.id));
    await db.insert(planMeasurements).values(demo.measurements.map(([measuredOn, value, source]) => ({ indicatorId: indicator.id, measuredOn, value: String(value), source })));
    measured += 1;
  }
  return measured;
}
