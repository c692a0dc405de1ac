import { createContext, useContext } from 'react';
import type { RegionDetail } from '../../../common/schemas/regions.js';

export interface RegionContextValue {
  region: RegionDetail;
  /** Adopts a newer copy of the region (after saving the settings or resolving a conflict). */
  setRegion: (region: RegionDetail) => void;
}

export const RegionContext = createContext<RegionContextValue | null>(null);

export function useRegion(): RegionContextValue {
  const value = useContext(RegionContext);
  if (!value) throw new Error('useRegion must be used inside <RegionLayout>');
  return value;
}
