import type { INestApplication } from '@nestjs/common';
import { json, type NextFunction, type Request, type Response } from 'express';

const parseImportJson = json({ limit: '20mb' });

/**
 * The import JSON of a real plan is larger than the default 100 KB body limit; the larger limit holds for
 * the import route only. Apply it before the application listens, so it runs before Nest's own parsers.
 * The wrapper has its own name on purpose: Nest skips its global JSON parser when it finds a layer named
 * `jsonParser` already in the stack.
 */
export function allowPlanImportBodies(app: INestApplication): void {
  app.use('/api/plans/import', function planImportJson(request: Request, response: Response, next: NextFunction) {
    parseImportJson(request, response, next);
  });
}
