import { z } from 'zod';
import { busPermissions, ROUTE_TABLES } from './bus-permissions';
import { BUS_SERVICES } from './bus/services';
import * as contracts from './index';
import { PlanRoutes } from './plans';
import { ReportingEvents, ReportingRoutes } from './reporting';

describe('bus permissions derived from the route tables', () => {
  it('lets the reporting service answer its own subjects and state its event, and call nobody', () => {
    const reporting = busPermissions('reporting');
    expect(reporting.subscribe).toEqual(expect.arrayContaining([ReportingRoutes.submitReport.subject, 'reporting.health', '_INBOX.>']));
    expect(reporting.publish).toEqual([ReportingEvents.reportSubmitted]);
    expect(reporting.subscribe).not.toContain(PlanRoutes.setOrderStatus.subject);
  });

  it('lets the worker set an order status and hear submitted reports, and the gateway call every service', () => {
    expect(busPermissions('worker').publish).toContain(PlanRoutes.setOrderStatus.subject);
    expect(busPermissions('worker').subscribe).toEqual(expect.arrayContaining([ReportingEvents.reportSubmitted, 'worker.health']));
    expect(busPermissions('gateway').publish).toEqual(expect.arrayContaining(['plans.health', 'worker.health', ReportingRoutes.submitReport.subject]));
    expect(busPermissions('gateway').subscribe).toEqual(['_INBOX.>']);
  });

  it('lets each service answer every route of the route tables the contracts export, so a new table is not shut out', () => {
    const isRouteTable = (value: unknown): value is Record<string, { subject: string }> =>
      typeof value === 'object' && value !== null && !(value instanceof z.ZodType) &&
      Object.values(value).some((route) => typeof (route as { subject?: unknown })?.subject === 'string' && typeof (route as { parse?: unknown }).parse === 'function');
    const exported = (Object.values(contracts) as unknown[]).filter(isRouteTable);
    expect(exported.filter((table) => !ROUTE_TABLES.includes(table))).toEqual([]);
    for (const table of exported) {
      for (const { subject } of Object.values(table)) {
        const owner = BUS_SERVICES.find((service) => subject.startsWith(`${service}.`));
        expect([subject, owner && busPermissions(owner).subscribe.includes(subject)]).toEqual([subject, true]);
      }
    }
  });
});
