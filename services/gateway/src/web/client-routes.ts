import type { NextFunction, Request, Response } from 'express';
import { sendWebIndex } from './web-index';

/** Paths the server answers itself; everything else a browser navigates to is a page of the client. */
const SERVER_PATHS = /^\/(api|assets|health|verify)(\/|$)/;

/**
 * A page of the browser client opened by its address (`/plans/…`, a bookmark, a reload): the client routes in the
 * browser, so the gateway answers its index.html. It runs after every route of the gateway, so it only sees what
 * no route took, and only a browser's navigation (it accepts HTML) outside the server's own paths gets the page;
 * API calls and unknown files keep their 404.
 */
export function clientRoutes(request: Request, response: Response, next: NextFunction): void {
  const navigation = (request.method === 'GET' || request.method === 'HEAD') && request.accepts(['json', 'html']) === 'html';
  if (!navigation || SERVER_PATHS.test(request.path)) {
    next();
    return;
  }
  sendWebIndex(response);
}
