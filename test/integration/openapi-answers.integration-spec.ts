import {
  errorResponse,
  orderResponse,
  organizationResponse,
  pageResponse,
  personResponse,
  planDiffResponse,
  planResponse,
  planSummaryResponse,
  planVersionResponse,
  importedPlanFileResponse,
  strictRequest,
} from '@eduplan/contracts';
import type { z } from 'zod';
import { GatewaySystem } from '../support/gateway-system';
import type { HttpSession } from '../support/http-session';
import { openApiDocument } from '../../services/gateway/src/openapi/openapi-document';

jest.setTimeout(180_000);

/**
 * Item 8: the document is the API as it is. Real answers of the key routes are held against the response
 * schemas the document is generated from (strictly: a field the schema does not know fails too), and the
 * gateway serves exactly the generated document to Swagger UI under the security headers.
 */
describe('the OpenAPI document matches what the gateway answers', () => {
  let system: GatewaySystem;
  let baseUrl: string;
  /** Keeps the registry. */
  let admin: HttpSession;
  /** Drafts the ministry's plans and orders, signed in once the ministry exists. */
  let editor: HttpSession | null = null;

  /** As the administrator for the registry's routes, as the editor for the rest. */
  const call = async (method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> => {
    const session = path.startsWith('/api/organizations') || path.startsWith('/api/people') || !editor ? admin : editor;
    const response = await session.fetch(path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  };
  /** The answer, checked against the documented status and schema. */
  const answer = async <S extends z.ZodTypeAny>(schema: S, status: number, method: string, path: string, body?: unknown): Promise<z.output<S>> => {
    const got = await call(method, path, body);
    expect({ path, status: got.status }).toEqual({ path, status });
    const checked = strictRequest(schema).safeParse(got.body);
    expect({ path, problems: checked.success ? [] : checked.error.issues }).toEqual({ path, problems: [] });
    return got.body as z.output<S>;
  };

  beforeAll(async () => {
    system = await GatewaySystem.start('openapi', ['organizations', 'plans']);
    baseUrl = system.baseUrl;
    admin = await system.signIn({ roles: ['admin'] });
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('answers organizations, plans, versions, exports and orders as their schemas say', async () => {
    const ministry = await answer(organizationResponse, 201, 'POST', '/api/organizations', { name: 'Министерство образования Тверской области', kind: 'ministry' });
    await answer(organizationResponse.array(), 200, 'GET', '/api/organizations');
    await answer(organizationResponse, 200, 'GET', `/api/organizations/${ministry.id}`);
    const minister = await answer(personResponse, 201, 'POST', '/api/people', { organizationId: ministry.id, fullName: 'Иванов Иван Иванович', position: 'minister' });
    editor = await system.signIn({ roles: ['editor'], organizationId: ministry.id });
    const plan = await answer(planResponse, 201, 'POST', '/api/plans', {
      title: 'Комплексный план мероприятий',
      issuerId: ministry.id,
      period: { start: '2025-09-01', end: '2026-08-31' },
      sections: [{ title: 'Профориентация', events: [{ title: 'Ярмарка профессий', deadline: 'октябрь 2025 г.', responsible: [{ name: 'ИРО' }] }] }],
    });
    await answer(pageResponse(planSummaryResponse), 200, 'GET', `/api/plans?issuerId=${ministry.id}`);
    await answer(planResponse, 200, 'GET', `/api/plans/${plan.id}`);
    const edited = await answer(planResponse, 200, 'PATCH', `/api/plans/${plan.id}/events/${plan.sections[0].events[0].id}`, { baseVersion: 1, deadline: 'ноябрь 2025 г.' });
    expect(edited.version).toBe(2);
    await answer(planVersionResponse.array(), 200, 'GET', `/api/plans/${plan.id}/versions`);
    await answer(planDiffResponse, 200, 'GET', `/api/plans/${plan.id}/versions/1/diff/2`);
    await answer(importedPlanFileResponse, 200, 'GET', `/api/plans/${plan.id}/export`);
    const order = await answer(orderResponse, 201, 'POST', '/api/orders', { planId: plan.id, kind: 'prikaz', title: 'Об утверждении плана', signatoryId: minister.id });
    await answer(orderResponse, 200, 'PATCH', `/api/orders/${order.id}`, { place: 'г. Тверь' });
    await answer(pageResponse(orderResponse), 200, 'GET', `/api/orders?planId=${plan.id}`);
    await answer(orderResponse, 200, 'GET', `/api/orders/${order.id}`);
  });

  it('answers refusals as { code, message }', async () => {
    await answer(errorResponse, 404, 'GET', '/api/organizations/00000000-0000-4000-8000-000000000000');
    await answer(errorResponse, 400, 'POST', '/api/organizations', { name: '', kind: 'ministry', extra: 1 });
    await answer(errorResponse, 400, 'GET', '/api/orders?limit=0');
  });

  it('serves the generated document to Swagger UI, whose page runs under the CSP (no inline script)', async () => {
    expect(await (await fetch(`${baseUrl}/api/docs-json`)).json()).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
    const page = await fetch(`${baseUrl}/api/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toMatch(/<script src="[^"]+"/);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});
