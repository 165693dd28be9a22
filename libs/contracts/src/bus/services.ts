import { z } from 'zod';
import { route } from './route';

/** The services that answer on the bus; each is a NATS queue group of the same name. */
export const BUS_SERVICES = ['plans', 'organizations', 'reporting', 'documents', 'worker', 'notifications'] as const;
export type BusService = (typeof BUS_SERVICES)[number];

export type DependencyStatus = 'up' | 'down';

export interface ServiceHealth {
  service: BusService;
  status: DependencyStatus;
  /** The service's own dependencies, e.g. its database. */
  dependencies: Record<string, DependencyStatus>;
  instance: string;
}

export const healthRoute = (service: BusService) =>
  route<z.ZodObject<{}>, ServiceHealth>(`${service}.health`, z.object({}));
