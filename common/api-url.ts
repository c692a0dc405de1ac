type QueryValue = string | number | boolean | null | undefined | readonly (string | number | boolean)[];

/**
 * Fills `{name}` placeholders (URL-encoded) and appends the query; undefined and null values are left out.
 * The client calls the API with these URLs and the server embeds first-view data under the same ones
 * (server/http/spa-shell.ts), so both build them here.
 */
export function buildApiUrl(template: string, params?: { path?: object; query?: object }): string {
  const pathParams = (params?.path ?? {}) as Record<string, string | number>;
  const filled = template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = pathParams[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${template}`);
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries((params?.query ?? {}) as Record<string, QueryValue>)) {
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, String(item));
  }
  const query = search.toString();
  return query ? `${filled}?${query}` : filled;
}
