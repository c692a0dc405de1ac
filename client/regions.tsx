import { createContext, useContext, type ReactNode } from 'react';
import type { ApiResponse } from './api';
import { useApi, type ApiResource } from './use-api';

type RegionSummary = ApiResponse<'/api/regions'>[number];

const RegionsContext = createContext<ApiResource<RegionSummary[]> | null>(null);

/** The public list of regions, shared by the home page and the region switcher. */
export function RegionsProvider({ children }: { children: ReactNode }) {
  const regions = useApi('/api/regions');
  return <RegionsContext.Provider value={regions}>{children}</RegionsContext.Provider>;
}

export function useRegions(): ApiResource<RegionSummary[]> {
  const value = useContext(RegionsContext);
  if (!value) throw new Error('useRegions must be used inside <RegionsProvider>');
  return value;
}
