import { regionPath } from '../../modules';

/** Where the matching views live (under the brokering module's path). */
export const matchingPaths = {
  regionSuggestions: (slug: string) => `${regionPath(slug, 'makelaardij')}/suggesties`,
  /** The network graph with the suggested edges switched on. */
  graphWithSuggestions: (slug: string) => `${regionPath(slug, 'netwerk')}/grafiek?voorstellen=1`,
};
