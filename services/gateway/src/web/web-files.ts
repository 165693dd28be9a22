import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where `npm run build:web` puts the browser client (services/web/dist). */
export const WEB_DIST_DIR = resolve(__dirname, '..', '..', '..', 'web', 'dist');
export const WEB_ASSETS_DIR = join(WEB_DIST_DIR, 'assets');
export const WEB_INDEX_FILE = join(WEB_DIST_DIR, 'index.html');

/** Looked up on every request, so a build made while the gateway runs is served without a restart. */
export const webClientBuilt = (): boolean => existsSync(WEB_INDEX_FILE);

/** Plain file names only: no folders, no way out of the assets folder. */
export const isAssetName = (name: string): boolean => /^[\w-]+(\.[\w-]+)+$/.test(name);

/**
 * Vite names every built file after its content (`index-C1mxeY-0.js`): such a file never changes, so a browser may
 * keep it for a year; index.html, which names them, is never cached.
 */
export const isHashedAsset = (name: string): boolean => /-[\w-]{8}\.(m?js|css|map|woff2?|svg|png)$/.test(name);
