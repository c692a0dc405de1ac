import type { ApiInstance } from '../http/route-types.js';
import type { Db } from '../db/client.js';
import type { CliCommand } from '../cli/command.js';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DOMAIN_LIST, type DomainEntry } from '../../common/domains.js';

const serverDir = join(dirname(fileURLToPath(import.meta.url)), '..');

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
  /** Its Drizzle tables (`import * as tables from './schema.js'`); the migration test checks them against the SQL. */
  tables?: object;
}

/** Loads the server module of one entry of the list and checks it is the module the entry names. */
export async function loadDomainModule(entry: DomainEntry): Promise<DomainModule> {
  // The path comes from the list (common/domains.ts), never from input; a plain URL, so no bundler rewrites it.
  const url = pathToFileURL(join(serverDir, entry.server, 'module.js')).href;
  const loaded = (await import(url)) as { domainModule?: DomainModule };
  const module = loaded.domainModule;
  if (!module) throw new Error(`server/${entry.server}/module.ts exports no domainModule`);
  if (module.name !== entry.name) throw new Error(`server/${entry.server}/module.ts is named ${module.name}, the list says ${entry.name}`);
  return module;
}

/**
 * Every module of common/domains.ts (the one list), in its order: route registration, the OpenAPI
 * document and `npx regiekamer help` follow it. Loaded once, before anything that imports this file runs.
 */
export const DOMAINS: readonly DomainModule[] = await loadDomainModules();

/** One after the other, so modules that register with another domain's port do so in list order. */
async function loadDomainModules(): Promise<DomainModule[]> {
  const modules: DomainModule[] = [];
  for (const entry of DOMAIN_LIST) modules.push(await loadDomainModule(entry));
  return modules;
}

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
