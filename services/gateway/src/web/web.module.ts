import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Express } from 'express';
import { clientRoutes } from './client-routes';
import { WebController } from './web.controller';

/** The browser client's files, served by the gateway next to the API; its own pages answered with its index.html. */
@Module({ controllers: [WebController] })
export class WebModule implements OnModuleInit {
  constructor(private readonly adapter: HttpAdapterHost) {}

  /** Called after the routes are registered and before Nest's «not found» handler: the fallback sees only what no route took. */
  onModuleInit(): void {
    (this.adapter.httpAdapter.getInstance() as Express).use(clientRoutes);
  }
}
