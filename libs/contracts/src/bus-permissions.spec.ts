import { z } from 'zod';
import { AccountRoutes } from './accounts';
import { busPermissions, GATEWAY_PLAIN_ROUTES, ROUTE_TABLES } from './bus-permissions';
import { DocumentRoutes } from './documents';
import { BUS_SERVICES } from './bus/services';
import * as contracts from './index';
import { PlanRoutes } from './plans';
import { NotificationRoutes, OrderEvents, PeriodEvents, RecipientRoutes } from './notifications';
import { ReportingEvents, ReportingRoutes } from './reporting';

describe('bus permissions derived from the route tables', () => {
  it('lets the reporting service answer its own subjects and state its events, and call nobody', () => {
    const reporting = busPermissions('reporting');
    expect(reporting.subscribe).toEqual(expect.arrayContaining([ReportingRoutes.submitReport.subject, 'reporting.health', '_INBOX.>']));
    expect(reporting.publish).toEqual([ReportingEvents.reportSubmitted, PeriodEvents.opened]);
    expect(reporting.subscribe).not.toContain(PlanRoutes.setOrderStatus.subject);
  });

  it('lets the worker set an order status and hear submitted reports', () => {
    expect(busPermissions('worker').publish).toContain(PlanRoutes.setOrderStatus.subject);
    expect(busPermissions('worker').subscribe).toEqual(expect.arrayContaining([ReportingEvents.reportSubmitted, 'worker.health']));
  });

  it('lets the notifications service hear the order and period facts and ask the registry whom to tell, and nothing more', () => {
    const notifications = busPermissions('notifications');
    expect(notifications.subscribe).toEqual(expect.arrayContaining([...Object.values(OrderEvents), PeriodEvents.opened, NotificationRoutes.list.subject]));
    expect(notifications.publish).toContain(RecipientRoutes.resolve.subject);
    expect(notifications.publish).not.toContain(PlanRoutes.setOrderStatus.subject);
    expect(busPermissions('worker').publish).toEqual(expect.arrayContaining(Object.values(OrderEvents)));
    expect(busPermissions('gateway').publish).toEqual(expect.arrayContaining([NotificationRoutes.list.subject, NotificationRoutes.markRead.subject]));
    expect(busPermissions('gateway').publish).not.toContain(RecipientRoutes.resolve.subject);
  });

  it('lets the gateway send what people ask (acted routes), sign-in and public reads, but none of the worker\'s steps', () => {
    const gateway = busPermissions('gateway');
    expect(gateway.publish).toEqual(expect.arrayContaining(['plans.health', 'worker.health', ReportingRoutes.submitReport.subject, PlanRoutes.createOrder.subject, AccountRoutes.login.subject]));
    for (const workerStep of [PlanRoutes.setOrderStatus, PlanRoutes.registerOrder, PlanRoutes.freezeDraft, ReportingRoutes.openPeriod, ReportingRoutes.closePeriod, DocumentRoutes.renderMemo, DocumentRoutes.renderOrder, DocumentRoutes.registerSigner, PlanRoutes.recordApprovalStep, AccountRoutes.create]) {
      expect(gateway.publish).not.toContain(workerStep.subject);
    }
    expect(gateway.subscribe).toEqual(['_INBOX.>']);
  });

  it('lists among the gateway\'s plain routes only routes without an actor (an acted one is allowed anyway)', () => {
    expect(GATEWAY_PLAIN_ROUTES.filter((route) => (route as { roles?: unknown }).roles !== undefined).map((route) => route.subject)).toEqual([]);
  });

  it('lets each service answer every route of the route tables the contracts export, so a new table is not shut out', () => {
    const isRouteTable = (value: unknown): value is Record<string, { subject: string }> =>
      typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof z.ZodType) &&
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
