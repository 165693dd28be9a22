import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';

/**
 * Security headers on every answer. The policy fits what is served: the web UI's own script and styles
 * from /assets, the verification pages' inline <style>, Swagger UI's scripts (served from /api/docs) and
 * its data: icons. No page may be framed (clickjacking), and Express does not announce itself.
 * `upgrade-insecure-requests` is left out: a local installation is reached over plain http.
 */
export function useSecurityHeaders(app: INestApplication): void {
  (app as NestExpressApplication).disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      frameguard: { action: 'deny' },
    }),
  );
}
