import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The SPA lives in client/ and is served by the Fastify process from dist/client.
export default defineConfig({
  root: fileURLToPath(new URL('./client', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/client', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    // bench/bundle.ts follows the manifest to weigh the JavaScript each route loads.
    manifest: true,
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
