import { DynamicModule, Module } from '@nestjs/common';
import { ClientProxyFactory, Transport } from '@nestjs/microservices';
import { loadConfig } from '../config/config';
import { BUS_PROXY, BUS_TIMEOUT_MS, BusClient } from './bus.client';
import { natsOptions } from './nats-options';

@Module({})
export class BusModule {
  static forRoot(): DynamicModule {
    const config = loadConfig();
    return {
      module: BusModule,
      global: true,
      providers: [
        {
          provide: BUS_PROXY,
          useFactory: () => ClientProxyFactory.create({ transport: Transport.NATS, options: natsOptions(config) }),
        },
        { provide: BUS_TIMEOUT_MS, useValue: config.BUS_TIMEOUT_MS },
        BusClient,
      ],
      exports: [BusClient],
    };
  }
}
