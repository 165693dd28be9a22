import { busPermissions } from './bus-permissions';
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
});
