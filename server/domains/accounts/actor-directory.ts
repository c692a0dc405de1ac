import type { Db } from '../../db/client.js';

/**
 * The port through which accounts learns about the actor (organisation) a membership is linked to.
 * The network domain provides it when its routes are registered; accounts never imports network.
 */
export interface ActorDirectory {
  /** Names of those actors that exist in the region, by id. */
  namesInRegion(db: Db, regionId: string, actorIds: readonly string[]): Promise<Map<string, string>>;
}

// Without a network domain there are no actors to name: memberships show no actor.
let provided: ActorDirectory = { namesInRegion: async () => new Map() };

/** Installs the actor directory (called by the network domain). */
export function provideActorDirectory(directory: ActorDirectory): void {
  provided = directory;
}

/** The installed actor directory. */
export function actorDirectory(): ActorDirectory {
  return provided;
}
