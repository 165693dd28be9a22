export * from './bus-service-under-test';
export * from './test-actor';
export * from './smtp-inbox';
