import { useLocation } from 'react-router';

/** A one-line message handed to the next page through the history state (e.g. "Je bent afgemeld."). */
export interface Flash {
  key: string;
  params?: Record<string, string>;
}

export function flashState(key: string, params?: Record<string, string>): { flash: Flash } {
  return { flash: params ? { key, params } : { key } };
}

export function useFlash(): Flash | undefined {
  const state: unknown = useLocation().state;
  if (state && typeof state === 'object' && 'flash' in state) {
    const flash = (state as { flash: unknown }).flash;
    if (flash && typeof flash === 'object' && typeof (flash as Flash).key === 'string') return flash as Flash;
  }
  return undefined;
}
