import type { DomainModule } from '../registry.js';
import * as tables from './schema.js';

/** The audit trail (recordChange): only tables; each domain shows its own history. */
export const domainModule: DomainModule = { name: 'audit', tables };
