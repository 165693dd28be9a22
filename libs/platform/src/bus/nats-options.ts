import type { BaseConfig } from '../config/config';

/**
 * Connection options shared by servers and clients: the process's own credentials, wait for NATS at start,
 * reconnect forever after.
 */
export function natsOptions(config: Pick<BaseConfig, 'NATS_URL' | 'NATS_USER' | 'NATS_PASSWORD'>) {
  return {
    servers: config.NATS_URL.split(','),
    ...(config.NATS_USER === undefined ? {} : { user: config.NATS_USER, pass: config.NATS_PASSWORD }),
    waitOnFirstConnect: true,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
  };
}
