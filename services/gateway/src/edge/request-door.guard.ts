import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable, UnsupportedMediaTypeException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { EDGE_CONFIG, type EdgeConfig } from './edge.config';
import { UPLOAD_ROUTE } from './upload-route.decorator';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The checks that stop another site from making a signed-in browser change data (CSRF):
 * - a write must come from a page of eduplan itself: a browser names the page's origin in `Origin` on every
 *   POST/PUT/PATCH/DELETE, so a different origin (or `null`, a sandboxed frame) is refused. A request without
 *   `Origin` is let through: browsers always send it on writes, so it comes from a script or the CLI, which
 *   carries no victim's cookie. `Sec-Fetch-Site: cross-site` is refused as well, for browsers that send it;
 * - a write carries JSON (or a file on an upload route): a plain HTML form can only send urlencoded,
 *   multipart or text/plain bodies without a preflight, so refusing them closes the form-post door.
 */
@Injectable()
export class RequestDoorGuard implements CanActivate {
  constructor(
    @Inject(EDGE_CONFIG) private readonly config: EdgeConfig,
    private readonly reflector: Reflector,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request>();
    if (SAFE_METHODS.has(request.method)) return true;
    this.checkOrigin(request);
    const upload = this.reflector.getAllAndOverride<boolean | undefined>(UPLOAD_ROUTE, [context.getHandler(), context.getClass()]);
    // A bodiless POST (sign out, close a period) needs no type; fetch and browsers send it with Content-Length: 0,
    // which `is()` would count as a body.
    const empty = request.headers['content-length'] === '0' && request.headers['transfer-encoding'] === undefined;
    if (!upload && !empty && request.is('application/json') === false) {
      throw new UnsupportedMediaTypeException(
        `Тело запроса должно быть JSON (Content-Type: application/json), а пришло «${request.headers['content-type'] ?? 'без типа'}»`,
      );
    }
    return true;
  }

  private checkOrigin(request: Request): void {
    const origin = request.headers.origin;
    const crossSite = request.headers['sec-fetch-site'] === 'cross-site';
    if ((origin !== undefined && origin !== this.config.PUBLIC_ORIGIN) || crossSite) {
      throw new ForbiddenException(
        `Запрос отправлен со страницы другого сайта (${origin ?? 'Sec-Fetch-Site: cross-site'}): ` +
          `изменять данные можно только со страниц eduplan по адресу ${this.config.PUBLIC_ORIGIN}. ` +
          'Если eduplan открыт по другому адресу, укажите его в PUBLIC_URL',
      );
    }
  }
}
