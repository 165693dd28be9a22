import type { Response } from 'express';
import { WEB_INDEX_FILE, webClientBuilt } from './web-files';
import { WEB_NOT_BUILT_PAGE } from './web-not-built.page';

/** The client's page (never cached: it names the current build's files), or the advice to build it. */
export function sendWebIndex(response: Response): void {
  if (!webClientBuilt()) {
    response.status(503).type('html').send(WEB_NOT_BUILT_PAGE);
    return;
  }
  response.setHeader('Cache-Control', 'no-cache');
  response.sendFile(WEB_INDEX_FILE);
}
