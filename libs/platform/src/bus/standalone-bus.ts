import { ClientProxyFactory, Transport } from '@nestjs/microservices';
import { loadConfig } from '../config/config';
import { BusClient } from './bus.client';
import { natsOptions } from './nats-options';

/**
 * A bus client outside a Nest app (the command line, `npm start`). It does not wait for NATS: when the
 * system is not running the first request fails at once, naming the service. It connects as `NATS_USER`.
 */
export function standaloneBusClient(config = loadConfig()): BusClient {
  const proxy = ClientProxyFactory.create({
    transport: Transport.NATS,
    options: { ...natsOptions(config), waitOnFirstConnect: false, maxReconnectAttempts: 0 },
  });
  return new BusClient(proxy, config.BUS_TIMEOUT_MS);
}
