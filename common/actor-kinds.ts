// Apart from common/schemas (which pulls in Zod), so the public actor list can show the kinds without loading it.
export const ACTOR_KINDS = ['vereniging', 'lokaal-bestuur', 'organisatie', 'school', 'onderneming', 'burgerinitiatief', 'andere'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];
