export * from './ports';
export * from './managed-process';
export * from './temporal-dev-server';
export * from './nats-config';
export * from './nats-server';
export * from './nats-users-file';
export * from './service-process';
export * from './postgres-server';
