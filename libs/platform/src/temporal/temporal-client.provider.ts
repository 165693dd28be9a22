import { Client, Connection } from '@temporalio/client';
import { loadConfig } from '../config/config';

export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');

/** A lazy client: it connects on first use, so the service starts even while Temporal is still coming up. */
export const temporalClientProvider = {
  provide: TEMPORAL_CLIENT,
  useFactory: () => {
    const config = loadConfig();
    return new Client({ connection: Connection.lazy({ address: config.TEMPORAL_ADDRESS }), namespace: config.TEMPORAL_NAMESPACE });
  },
};
