import { BUS_SERVICES, healthRoute, type BusService } from './bus/services';
import { AccountRoutes } from './accounts';
import { AuditRoutes } from './audit';
import { CalendarRoutes } from './calendar';
import { DocumentRoutes } from './documents';
import { OrganizationImportRoutes } from './organization-import';
import { OrganizationRoutes } from './organizations';
import { PeopleRoutes } from './people';
import { PlanRoutes } from './plans';
import { NotificationRoutes, OrderEvents, PeriodEvents, RecipientRoutes } from './notifications';
import { ReportingEvents, ReportingRoutes } from './reporting';
import { PlanResponsibleRoutes, ResponsibleRoutes } from './responsible-links';

/**
 * Who connects to the bus: every service that answers on it; the gateway, which only asks; and the operator's
 * command line on the machine (`eduplan user add`, `npm start`'s first-administrator check), which only asks.
 */
export const BUS_PRINCIPALS = [...BUS_SERVICES, 'gateway', 'cli'] as const;
export type BusPrincipal = (typeof BUS_PRINCIPALS)[number];

/**
 * Every route table the services answer. A service answers the routes whose subject starts with its name
 * (`organizations.accounts.create` is the organizations service's); a table left out of this list could not be
 * answered on a closed bus, so the spec checks that every table the contracts export is here.
 */
export const ROUTE_TABLES: readonly Record<string, { subject: string }>[] = [
  PlanRoutes,
  OrganizationRoutes,
  OrganizationImportRoutes,
  PeopleRoutes,
  AccountRoutes,
  AuditRoutes,
  ResponsibleRoutes,
  PlanResponsibleRoutes,
  ReportingRoutes,
  CalendarRoutes,
  DocumentRoutes,
  NotificationRoutes,
  RecipientRoutes,
];

const answeredBy = (service: BusService) => [
  ...ROUTE_TABLES.flatMap((table) => Object.values(table).map((route) => route.subject)).filter((subject) => subject.startsWith(`${service}.`)),
  healthRoute(service).subject,
];

/** The request subjects each service answers: its routes in the tables above and its health check. */
export const ANSWERED_SUBJECTS: Record<BusService, readonly string[]> = Object.fromEntries(
  BUS_SERVICES.map((service) => [service, answeredBy(service)]),
) as unknown as Record<BusService, readonly string[]>;

/**
 * Routes without an actor that the gateway may still call: signing in and the session itself; what anyone may
 * see (the public verification of a published act, its issuer and status, published files — a document read
 * carries the signed-in person when there is one, and the documents service serves an unpublished file to its
 * issuer's staff only); whether a signatory has a certificate; and the registry
 * reads every signed-in person may make (organizations, people, who substitutes whom, how a name links).
 * Every other route the gateway calls is an `actedRoute`, so the service owning the data checks the person;
 * the gateway's bus permissions leave out every route not listed here or acted (setting an order's status,
 * registering it, opening a period, rendering a signed act stay the worker's).
 */
export const GATEWAY_PLAIN_ROUTES: readonly { subject: string }[] = [
  AccountRoutes.login,
  AccountRoutes.loginOidc,
  AccountRoutes.resolve,
  AccountRoutes.logout,
  OrganizationRoutes.get,
  OrganizationRoutes.list,
  PeopleRoutes.get,
  PeopleRoutes.actingFor,
  PeopleRoutes.mayActFor,
  PeopleRoutes.representedBy,
  ResponsibleRoutes.resolve,
  PlanRoutes.getOrderForService,
  ReportingRoutes.getPeriod,
  ReportingRoutes.listPeriods,
  DocumentRoutes.get,
  DocumentRoutes.readChunk,
  DocumentRoutes.verify,
  DocumentRoutes.findBySha256,
  DocumentRoutes.checkSigner,
];

/** The subjects of every route a person calls through the gateway (those carrying the actor). */
const ACTED_SUBJECTS = ROUTE_TABLES.flatMap((table) => Object.values(table) as { subject: string; roles?: unknown }[])
  .filter((route) => route.roles !== undefined)
  .map((route) => route.subject);

/**
 * Whose requests each service or the command line may send (the gateway's are `gatewayPublishes`: by route,
 * not by service). The worker's activities read
 * orders, plans and issuers, open and close periods and render documents; the data services call nobody; the
 * command line creates accounts and registers signers' certificates (`eduplan signer add`); the notifications
 * service asks the registry whose accounts to tell.
 */
export const BUS_CALLS: Record<Exclude<BusPrincipal, 'gateway'>, readonly BusService[]> = {
  cli: ['organizations', 'documents'],
  worker: ['plans', 'organizations', 'reporting', 'documents'],
  plans: [],
  organizations: [],
  reporting: [],
  documents: [],
  notifications: ['organizations'],
};

/** Facts on the bus: the one service that states each, and those that listen. */
export const BUS_EVENTS: readonly { subject: string; publisher: BusPrincipal; listeners: readonly BusPrincipal[] }[] = [
  { subject: ReportingEvents.reportSubmitted, publisher: 'reporting', listeners: ['worker'] },
  ...Object.values(OrderEvents).map((subject) => ({ subject, publisher: 'worker' as const, listeners: ['notifications' as const] })),
  { subject: PeriodEvents.opened, publisher: 'reporting', listeners: ['notifications'] },
  { subject: PeriodEvents.reminderDue, publisher: 'worker', listeners: ['notifications'] },
  { subject: PeriodEvents.overdueDigest, publisher: 'worker', listeners: ['notifications'] },
];

/** NATS's inbox prefix: a requester listens there for its replies. */
export const REPLY_INBOXES = '_INBOX.>';

export interface BusPermissions {
  /** Subjects the principal may publish to (requests and its own events); replies go by `allow_responses`. */
  publish: string[];
  /** Subjects it may subscribe to: its own request subjects, the events it listens to, its reply inbox. */
  subscribe: string[];
}

/**
 * What one principal may do on the bus, derived from the route tables above: a client on the network with
 * another service's name still cannot set an order's status unless that service is one that calls plans.
 */
export function busPermissions(principal: BusPrincipal): BusPermissions {
  const answered = principal === 'gateway' || principal === 'cli' ? [] : ANSWERED_SUBJECTS[principal];
  const requests = principal === 'gateway' ? gatewayPublishes() : BUS_CALLS[principal].flatMap((service) => ANSWERED_SUBJECTS[service]);
  return {
    publish: [
      ...requests,
      ...BUS_EVENTS.filter((event) => event.publisher === principal).map((event) => event.subject),
    ],
    subscribe: [
      ...answered,
      ...BUS_EVENTS.filter((event) => event.listeners.includes(principal)).map((event) => event.subject),
      REPLY_INBOXES,
    ],
  };
}

/** The gateway's requests: the acted routes, the plain ones it needs without a person, and every health check. */
function gatewayPublishes(): string[] {
  return [...ACTED_SUBJECTS, ...GATEWAY_PLAIN_ROUTES.map((route) => route.subject), ...BUS_SERVICES.map((service) => healthRoute(service).subject)];
}
