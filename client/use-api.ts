import { useCallback, useEffect, useRef, useState } from 'react';
import { asApiError, getBuiltUrl, forgetInitialData, initialData, type ApiError, type ApiResponse } from './api';
import { buildPath, type ApiPath, type Operation, type Params } from './api/typed-paths';

export interface ApiResource<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
  /** Replaces the loaded data with a newer copy the page got from a write. */
  setData: (data: T) => void;
}

type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
type HookOptions<P extends ApiPath<'get'>> = ([RequiredKeys<Params<Operation<P, 'get'>>>] extends [never]
  ? { params?: Params<Operation<P, 'get'>> }
  : { params: Params<Operation<P, 'get'>> }) & {
  /** Forces a reload when something else changes, e.g. who is logged in. */
  refreshKey?: unknown;
};
type HookArgument<P extends ApiPath<'get'>> = [RequiredKeys<HookOptions<P>>] extends [never] ? [options?: HookOptions<P>] : [options: HookOptions<P>];

/**
 * Loads a GET route and reloads it when its URL (path and params) changes; a null path loads nothing.
 * `useApi('/api/regions/{slug}', { params: { path: { slug } } })` is typed by the route's response schema.
 */
export function useApi<P extends ApiPath<'get'>>(path: P | null, ...[options]: HookArgument<P>): ApiResource<ApiResponse<P>> {
  type T = ApiResponse<P>;
  const url = path === null ? null : buildPath(path, options?.params as { path?: object; query?: object } | undefined);
  const refreshKey = options?.refreshKey ?? null;
  // Results remember their URL, so another URL never briefly shows the previous one's data.
  const [state, setState] = useState<{ url: string | null; data?: T; error?: ApiError }>(() => {
    // The server's embedded answer for the first view (typed by the same route), else a fetch below.
    const initial = url === null ? undefined : initialData(url);
    return initial === undefined ? { url: null } : { url, data: initial as T };
  });
  const [reloadCount, setReloadCount] = useState(0);
  // The first effect run has nothing to fetch when the embedded answer is already this URL's.
  const embeddedUrl = useRef(state.url);

  useEffect(() => {
    if (url === null) return;
    if (embeddedUrl.current !== null) {
      const skip = embeddedUrl.current === url;
      embeddedUrl.current = null;
      if (skip) return forgetInitialData(url);
    }
    const controller = new AbortController();
    getBuiltUrl(url, controller.signal)
      .then((data) => setState({ url, data: data as T })) // typed by the route the URL was built from
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ url, error: asApiError(error) });
      });
    return () => controller.abort();
  }, [url, refreshKey, reloadCount]);

  const reload = useCallback(() => setReloadCount((count) => count + 1), []);
  const setData = useCallback((data: T) => setState({ url, data }), [url]);
  const current = state.url === url && url !== null;
  return {
    data: current ? state.data : undefined,
    error: current ? state.error : undefined,
    loading: url !== null && !current,
    reload,
    setData,
  };
}
