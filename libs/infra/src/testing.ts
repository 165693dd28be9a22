export * from './bus-service-under-test';
