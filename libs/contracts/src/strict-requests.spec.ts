import { z, ZodError } from 'zod';
import * as contracts from './index';
import * as workflowInputs from './orders/order-workflow';
import type { BusRoute } from './bus/route';

type AnyRoute = BusRoute<z.ZodTypeAny, unknown>;

const isRoute = (value: unknown): value is AnyRoute =>
  typeof value === 'object' && value !== null && typeof (value as AnyRoute).subject === 'string' && typeof (value as AnyRoute).parse === 'function';

/** Every route of every route table the contracts export (`PlanRoutes`, `DocumentRoutes`, …) and every health route: a new one is walked too. */
const routes: [string, AnyRoute][] = [
  ...(Object.values(contracts) as unknown[])
    .filter((value): value is Record<string, unknown> => typeof value === 'object' && value !== null && !(value instanceof z.ZodType))
    .flatMap((table) => Object.values(table).filter(isRoute)),
  ...contracts.BUS_SERVICES.map((service) => contracts.healthRoute(service)),
].map((route) => [route.subject, route]);

/** Inputs that go from HTTP into a workflow update without a bus route (`decideRequest`, …). */
const workflowRequests = (Object.entries(workflowInputs) as [string, unknown][]).filter(
  (entry): entry is [string, z.ZodTypeAny] => entry[0].endsWith('Request') && entry[1] instanceof z.ZodType,
);

const LEAVES = [z.ZodString, z.ZodNumber, z.ZodBoolean, z.ZodEnum, z.ZodLiteral, z.ZodUnknown, z.ZodAny, z.ZodNull, z.ZodDate];

/** Every object schema reachable from this one, with where it sits. */
function objectsIn(schema: z.ZodTypeAny, at = '(запрос)'): [string, z.AnyZodObject][] {
  if (schema instanceof z.ZodObject) {
    const shape = schema.shape as z.ZodRawShape;
    return [[at, schema], ...Object.entries(shape).flatMap(([key, field]) => objectsIn(field, `${at}.${key}`))];
  }
  if (schema instanceof z.ZodArray) return objectsIn(schema.element, `${at}[]`);
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) return objectsIn(schema.unwrap(), at);
  if (schema instanceof z.ZodDefault) return objectsIn(schema.removeDefault(), at);
  if (schema instanceof z.ZodEffects) return objectsIn(schema.innerType(), at);
  if (schema instanceof z.ZodDiscriminatedUnion || schema instanceof z.ZodUnion) {
    return (schema.options as z.ZodTypeAny[]).flatMap((option, i) => objectsIn(option, `${at}|${i}`));
  }
  if (schema instanceof z.ZodRecord) return objectsIn(schema.valueSchema, `${at}{}`);
  if (LEAVES.some((leaf) => schema instanceof leaf)) return [];
  // A wrapper strictRequest does not rebuild could hide a loose object: teach both of them the new kind.
  throw new Error(`${at}: ${schema.constructor.name} is not walked by strictRequest`);
}


function unknownFieldIssue(parse: () => unknown): z.ZodIssue | undefined {
  try {
    parse();
  } catch (error) {
    if (error instanceof ZodError) return error.issues.find((issue) => issue.code === 'unrecognized_keys');
    throw error;
  }
  return undefined;
}

describe('every request refuses a field it does not know, naming it', () => {
  it('finds the routes to check', () => {
    expect(routes.length).toBeGreaterThan(25);
    expect(routes.map(([subject]) => subject)).toEqual(expect.arrayContaining(['plans.orders.create', 'plans.orders.update', 'documents.render-order']));
    expect(workflowRequests.map(([name]) => name).sort()).toEqual(['decideRequest', 'resubmitRequest', 'submitOrderRequest']);
  });

  it.each(routes)('%s: an extra top-level field is refused with its name in Russian', (_subject, route) => {
    const issue = unknownFieldIssue(() => route.parse({ templateId: 'x' }));
    expect(issue).toMatchObject({ path: [], message: 'неизвестное поле «templateId»: уберите его из запроса' });
  });

  it.each(routes)('%s: every object in the request, however deep, is strict', (_subject, route) => {
    const loose = objectsIn(route.request).filter(([, object]) => object._def.unknownKeys !== 'strict');
    expect(loose.map(([at]) => at)).toEqual([]);
  });

  it.each(workflowRequests)('%s: strict at every depth, an extra field refused by name', (_name, schema) => {
    expect(objectsIn(schema).filter(([, object]) => object._def.unknownKeys !== 'strict')).toEqual([]);
    expect(unknownFieldIssue(() => schema.parse({ surplus: 1 }))).toMatchObject({ message: 'неизвестное поле «surplus»: уберите его из запроса' });
  });

  const actor = {
    accountId: '0b0c1d2e-3f40-4a5b-8c6d-7e8f90a1b2c3',
    login: 'editor',
    name: 'Редактор плана',
    roles: ['editor' as const],
    organizationId: '1c1d2e3f-4051-4b6c-9d7e-8f90a1b2c3d4',
    personId: null,
  };

  it('names a nested unknown field with its path, and several at once', () => {
    const order = {
      planId: '7d0d7a1c-4c1e-4f7a-9d2e-1a2b3c4d5e6f',
      kind: 'prikaz',
      title: 'Об утверждении плана',
      signatory: { personId: '2d2e3f40-5162-4c7d-8e8f-90a1b2c3d4e5', name: 'О.Е. Калинина', position: 'Министр', phone: '123' },
      date: '2024-08-28',
      number: '1083/ПК',
      actor,
    };
    const error = contracts.PlanRoutes.createOrder.request.safeParse(order).error!;
    expect(error.issues.map(({ path, message }) => ({ path, message }))).toEqual([
      { path: ['signatory'], message: 'неизвестное поле «phone»: уберите его из запроса' },
      { path: [], message: 'неизвестные поля «date», «number»: уберите их из запроса' },
    ]);
  });

  it('still accepts a request with only known fields, keeping the schema’s defaults and checks', () => {
    const parsed = contracts.PlanRoutes.listOrders.parse({ limit: '10', actor });
    expect(parsed).toEqual({ limit: 10, offset: 0, sort: 'created', actor });
    expect(() => contracts.PlanRoutes.listOrders.parse({ limit: '0', actor })).toThrow(ZodError);
    const edit = contracts.PlanRoutes.editPlan.parse({
      planId: '7d0d7a1c-4c1e-4f7a-9d2e-1a2b3c4d5e6f',
      baseVersion: 2,
      edit: { op: 'deleteEvent', eventId: '7d0d7a1c-4c1e-4f7a-9d2e-1a2b3c4d5e6f' },
      actor,
    });
    expect(edit.edit.op).toBe('deleteEvent');
    expect(unknownFieldIssue(() => contracts.PlanRoutes.editPlan.parse({ ...edit, edit: { ...edit.edit, position: 1 } }))).toMatchObject({
      path: ['edit'],
      message: 'неизвестное поле «position»: уберите его из запроса',
    });
  });
});
