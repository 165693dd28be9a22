import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { DocumentRoutes, type Actor, type DocumentDto } from '@eduplan/contracts';
import { BusClient } from '@eduplan/platform';
import type { Response } from 'express';
import { OptionalActor } from '../auth/current-actor.decorator';
import { sendStoredDocument } from './stored-document-download';

/**
 * Stored documents by id, open to anyone: the documents service serves a published (signed) one to all and any
 * other to its issuer's staff, so the signed-in person, if any, goes with the request.
 */
@Controller('api/documents')
export class DocumentsController {
  constructor(private readonly bus: BusClient) {}

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string, @OptionalActor() actor: Actor | null): Promise<DocumentDto> {
    return this.bus.request(DocumentRoutes.get, { id, actor });
  }

  @Get(':id/content')
  async content(@Param('id', ParseUUIDPipe) id: string, @OptionalActor() actor: Actor | null, @Res() response: Response): Promise<void> {
    await sendStoredDocument(this.bus, await this.bus.request(DocumentRoutes.get, { id, actor }), actor, response);
  }
}
