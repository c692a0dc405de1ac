import { createContext, useContext, type ReactNode } from 'react';
import type { RegionSummary } from '../common/schemas/regions.js';
import { useApi, type ApiResource } from './use-api';

const RegionsContext = createContext<ApiResource<RegionSummary[]> | null>(null);

/** The public list of regions, shared by the home page and the region switcher. */
export function RegionsProvider({ children }: { children: ReactNode }) {
  const regions = useApi<RegionSummary[]>('/api/regions');
  return <RegionsContext.Provider value={regions}>{children}</RegionsContext.Provider>;
}

export function useRegions(): ApiResource<RegionSummary[]> {
  const value = useContext(RegionsContext);
  if (!value) throw new Error('useRegions must be used inside <RegionsProvider>');
  return value;
}
