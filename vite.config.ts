import { defineConfig, type BuildEnvironmentOptions } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The SPA lives in client/ and is served by the Fastify process from dist/client. `vite build --ssr`
// builds the server-side renderer of the public pages' first view into dist/ssr (decision 025).
export default defineConfig(({ isSsrBuild }) => ({
  root: fileURLToPath(new URL('./client', import.meta.url)),
  plugins: [react()],
  build: isSsrBuild ? ssrBuild : clientBuild,
  server: { proxy: { '/api': 'http://localhost:3000' } },
}));

const ssrBuild: BuildEnvironmentOptions = {
  outDir: fileURLToPath(new URL('./dist/ssr', import.meta.url)),
  emptyOutDir: true,
  ssr: 'ssr-entry.tsx',
};

const clientBuild: BuildEnvironmentOptions = {
  outDir: fileURLToPath(new URL('./dist/client', import.meta.url)),
  emptyOutDir: true,
  chunkSizeWarningLimit: 1500,
  // bench/bundle.ts follows the manifest to weigh the JavaScript each route loads.
  manifest: true,
  rolldownOptions: {
    output: {
      codeSplitting: {
        // Only the named modules join the group; their dependencies (React, the API client) stay shared.
        includeDependenciesRecursively: false,
        // The public catalog's pages, their shared parts and Dutch messages as one chunk: on a slow phone
        // connection every extra file past the browser's six connections costs another round trip
        // (bench/catalog-public.ts). The map (Leaflet) stays its own chunk, loaded when asked for.
        groups: [
          {
            // What every page needs (React, the router, i18next, the API client, formatting, the route table of
            // common/domains.ts with each domain's domain-pages.tsx) as one chunk beside the entry.
            name: 'shell',
            test: /vite\/preload-helper|rolldown\/runtime|node_modules\/(react|react-dom|scheduler|react-router|i18next|react-i18next|html-parse-stringify|void-elements|cookie|set-cookie-parser)\/|client\/(api|use-api|i18n|lazy-domain-page|domain-pages)\.ts|client\/pages\/.+\/domain-pages\.tsx|common\/domains\.ts|common\/i18n\/(index|nl|search|network|domain-catalogs|catalog-type)\.ts|client\/api\/|common\/(format|api-url)\.ts/,
          },
          {
            name: 'public-catalog',
            test: /client\/pages\/catalog\/public\/(?!offer-map|domain-pages)|common\/i18n\/catalog-public\.ts|common\/catalog-public-query\.ts/,
          },
        ],
      },
    },
  },
};
