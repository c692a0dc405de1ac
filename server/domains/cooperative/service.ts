// The cooperative domain's use cases; this file is the domain's one entry point for other domains.
export { listMembers, createMember, updateMember, deleteMember, listBodies, getBody, createBody, updateBody, steeringGroupMembers } from './members.js';
export { listFinancingYears, getFinancingYear, createFinancingYear, updateFinancingYear, updateFinancingShares, cofinancingShares, financingYearXlsx } from './financing.js';
export { computeContributions } from './contributions.js';
