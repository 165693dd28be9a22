import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DomainException } from '@eduplan/platform';
import { isAssetName, isHashedAsset, WEB_ASSETS_DIR } from './web-files';
import { sendWebIndex } from './web-index';

/** Serves the built browser client (services/web/dist): the page on / and its files under /assets. */
@Controller()
export class WebController {
  @Get()
  index(@Res() response: Response): void {
    sendWebIndex(response);
  }

  @Get('assets/:file')
  asset(@Param('file') file: string, @Res() response: Response): void {
    if (!isAssetName(file)) throw new DomainException('NOT_FOUND', 'Файл не найден');
    response.setHeader('Cache-Control', isHashedAsset(file) ? 'public, max-age=31536000, immutable' : 'no-cache');
    response.sendFile(file, { root: WEB_ASSETS_DIR }, (error) => {
      if (error && !response.headersSent) response.status(404).json({ code: 'NOT_FOUND', message: `Файл ${file} не найден` });
    });
  }
}
