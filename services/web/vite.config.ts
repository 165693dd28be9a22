import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The gateway serves dist/index.html on every page of the client and dist/assets/<file> as they are: file names
 * carry a content hash, so the gateway may let browsers keep them. No source maps of the server leak: the client
 * bundles only its own code, the UI kit and the name tables of the contracts.
 */
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    emptyOutDir: true,
    // dist/.vite/manifest.json: which files each screen loads (bench/web-bundle reads it; the gateway never serves it).
    manifest: true,
    sourcemap: true,
    target: 'es2020',
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        // One long-lived chunk for what every screen needs; each screen is its own chunk (React.lazy).
        manualChunks: (id) => (/node_modules\/(react|react-dom|scheduler|react-router|@tanstack)\//.test(id) ? 'react' : undefined),
      },
    },
  },
});
