import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DomainException } from '@eduplan/platform';
import { isAssetName, WEB_ASSETS_DIR, WEB_INDEX_FILE, webClientBuilt } from './web-files';
import { WEB_NOT_BUILT_PAGE } from './web-not-built.page';

/** Serves the built browser client (services/web/dist): the page on / and its files under /assets. */
@Controller()
export class WebController {
  @Get()
  index(@Res() response: Response): void {
    if (!webClientBuilt()) {
      response.status(503).type('html').send(WEB_NOT_BUILT_PAGE);
      return;
    }
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(WEB_INDEX_FILE);
  }

  @Get('assets/:file')
  asset(@Param('file') file: string, @Res() response: Response): void {
    if (!isAssetName(file)) throw new DomainException('NOT_FOUND', 'Файл не найден');
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(file, { root: WEB_ASSETS_DIR }, (error) => {
      if (error && !response.headersSent) response.status(404).json({ code: 'NOT_FOUND', message: `Файл ${file} не найден` });
    });
  }
}
