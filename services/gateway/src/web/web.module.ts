import { Module } from '@nestjs/common';
import { WebController } from './web.controller';

/** The browser client's files, served by the gateway next to the API. */
@Module({ controllers: [WebController] })
export class WebModule {}
