import { INestMicroservice, Logger, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { CustomStrategy } from '@nestjs/microservices';
import type { BusService } from '@eduplan/contracts';
import { loadConfig } from '../config/config';
import { BusExceptionFilter } from './bus-exception.filter';
import { GuardedNatsServer } from './guarded-nats-server';
import { natsOptions } from './nats-options';

/**
 * Boots a service that answers on NATS. Every replica joins the queue group named after the service,
 * so two replicas share the load instead of both answering.
 */
export async function startBusService(service: BusService, module: Type<unknown>): Promise<INestMicroservice> {
  const config = loadConfig();
  const app = await NestFactory.createMicroservice<CustomStrategy>(module, {
    strategy: new GuardedNatsServer({ ...natsOptions(config), queue: service }),
    logger: loggerLevels(config.LOG_LEVEL),
  });
  app.useGlobalFilters(new BusExceptionFilter());
  app.enableShutdownHooks();
  await app.listen();
  new Logger(service).log(`ready on ${config.NATS_URL} (queue group «${service}»)`);
  return app;
}

export function loggerLevels(level: 'error' | 'warn' | 'log' | 'debug') {
  const order = ['error', 'warn', 'log', 'debug'] as const;
  return order.slice(0, order.indexOf(level) + 1);
}
