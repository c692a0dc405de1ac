import { useCallback, useEffect, useState } from 'react';
import { api, asApiError, type ApiError } from './api';

export interface ApiResource<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
  /** Replaces the loaded data with a newer copy the page got from a write. */
  setData: (data: T) => void;
}

/**
 * Loads a GET resource and reloads it when the path changes (null: load nothing).
 * `refreshKey` forces a reload when something else changes, e.g. who is logged in.
 */
export function useApi<T>(path: string | null, refreshKey: unknown = null): ApiResource<T> {
  // Results remember their path, so another path never briefly shows the previous one's data.
  const [state, setState] = useState<{ path: string | null; data?: T; error?: ApiError }>({ path: null });
  const [reloadCount, setReloadCount] = useState(0);

  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    api
      .get<T>(path, controller.signal)
      .then((data) => setState({ path, data }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ path, error: asApiError(error) });
      });
    return () => controller.abort();
  }, [path, refreshKey, reloadCount]);

  const reload = useCallback(() => setReloadCount((count) => count + 1), []);
  const setData = useCallback((data: T) => setState({ path, data }), [path]);
  const current = state.path === path && path !== null;
  return {
    data: current ? state.data : undefined,
    error: current ? state.error : undefined,
    loading: path !== null && !current,
    reload,
    setData,
  };
}
