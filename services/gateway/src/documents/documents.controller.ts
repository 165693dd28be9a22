import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { DocumentRoutes, type DocumentDto } from '@eduplan/contracts';
import { BusClient } from '@eduplan/platform';
import type { Response } from 'express';
import { sendStoredDocument } from './stored-document-download';

@Controller('api/documents')
export class DocumentsController {
  constructor(private readonly bus: BusClient) {}

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<DocumentDto> {
    return this.bus.request(DocumentRoutes.get, { id });
  }

  @Get(':id/content')
  async content(@Param('id', ParseUUIDPipe) id: string, @Res() response: Response): Promise<void> {
    await sendStoredDocument(this.bus, await this.bus.request(DocumentRoutes.get, { id }), response);
  }
}
