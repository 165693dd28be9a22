export * from './iso-date';
export * from './russian-months';
export * from './format-ru-date';
export * from './ru-production-calendar';
export * from './working-days';
