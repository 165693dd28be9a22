export * from './indicator.types';
export { achievement, parseIndicators } from './parse-indicators';
