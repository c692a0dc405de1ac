// Every Drizzle table of every domain, in one namespace for the database handle.
// A new domain adds its schema file here and a numbered SQL file under ./migrations.
export * from '../domains/reference/schema.js';
export * from '../domains/regions/schema.js';
export * from '../domains/accounts/schema.js';
export * from '../domains/audit/schema.js';
export * from '../domains/network/schema.js';
export * from '../domains/plans/schema.js';
export * from '../domains/brokering/schema.js';
export * from '../domains/brokering/flow-schema.js';
export * from '../domains/lending/schema.js';
export * from '../domains/catalog/schema.js';
export * from '../domains/cooperative/schema.js';
export * from '../domains/participation/schema.js';
export * from '../domains/trajectories/schema.js';
export * from '../domains/buddies/schema.js';
