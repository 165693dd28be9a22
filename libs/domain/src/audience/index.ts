export * from './audience.types';
export { parseAudience } from './parse-audience';
