import type { ApiInstance } from '../http/route-types.js';
import type { Db } from '../db/client.js';
import type { CliCommand } from '../cli/command.js';
import { healthModule } from './health/module.js';
import { referenceModule } from './reference/module.js';
import { regionsModule } from './regions/module.js';
import { accountsModule } from './accounts/module.js';
import { plansModule } from './plans/module.js';
import { networkModule } from './network/module.js';
import { searchModule } from '../search/module.js';
import { jobsModule } from '../jobs/module.js';
import { brokeringModule } from './brokering/module.js';
import { matchingModule } from './matching/module.js';
import { brokeringRoomModule } from './brokering/room/module.js';
import { lendingModule } from './lending/module.js';
import { catalogModule } from './catalog/module.js';
import { catalogPublicModule } from './catalog/public/module.js';
import { cooperativeModule } from './cooperative/module.js';
import { participationModule } from './participation/module.js';
import { trajectoriesModule } from './trajectories/module.js';
import { buddiesModule } from './buddies/module.js';

/** What the demo seeding hands each domain. */
export interface DemoSeedContext {
  db: Db;
}

/** One domain (or platform module) as the server, the demo seeding and the CLI see it. */
export interface DomainModule {
  /** The folder name under server/domains (or server/<name> for a platform module). */
  name: string;
  /** Its route plugin, mounted under /api. */
  routes?: (app: ApiInstance) => Promise<void>;
  /** Loads its demo data; runs after the regions and accounts of the demo exist. */
  seedDemo?: (ctx: DemoSeedContext) => Promise<void>;
  /** Domains whose demo data must exist before this one's is seeded. */
  seedDemoAfter?: readonly string[];
  /** Its `npx regiekamer` commands. */
  cliCommands?: readonly CliCommand[];
  /** Wiring done once before any route is registered (e.g. providing another domain's port). */
  setup?: (app: ApiInstance) => void;
}

/**
 * Every domain, in route-registration order (which is also the order of the OpenAPI document and
 * of `npx regiekamer help`). A new domain adds its `module.ts` and one line here.
 */
export const DOMAINS: readonly DomainModule[] = [
  healthModule,
  referenceModule,
  regionsModule,
  accountsModule,
  plansModule,
  networkModule,
  searchModule,
  jobsModule,
  brokeringModule,
  matchingModule,
  brokeringRoomModule,
  lendingModule,
  catalogModule,
  catalogPublicModule,
  cooperativeModule,
  participationModule,
  trajectoriesModule,
  buddiesModule,
];

/** The modules in list order, each moved after the modules its demo seeding depends on. */
export function demoSeedOrder(domains: readonly DomainModule[]): DomainModule[] {
  const names = new Set(domains.map((domain) => domain.name));
  const ordered: DomainModule[] = [];
  const done = new Set<string>();
  const visit = (domain: DomainModule, path: readonly string[]): void => {
    if (done.has(domain.name)) return;
    if (path.includes(domain.name)) throw new Error(`demo seeding depends on itself: ${[...path, domain.name].join(' → ')}`);
    for (const before of domain.seedDemoAfter ?? []) {
      if (!names.has(before)) throw new Error(`${domain.name} seeds after unknown domain ${before}`);
      visit(domains.find((candidate) => candidate.name === before)!, [...path, domain.name]);
    }
    done.add(domain.name);
    ordered.push(domain);
  };
  for (const domain of domains) visit(domain, []);
  return ordered;
}
