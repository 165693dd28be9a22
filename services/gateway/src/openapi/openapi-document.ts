import { extendZodWithOpenApi, OpenApiGeneratorV3, OpenAPIRegistry, type ResponseConfig, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { errorResponse, ROLE_NAMES, type Access } from '@eduplan/contracts';
import { z } from 'zod';
import { UPLOAD_FIELD } from '../uploads/file-upload';
import { API_OPERATIONS, type ApiOperation } from './api-operations';

// Lets the registry name schemas (components) on the zod instance the contracts use.
extendZodWithOpenApi(z);

/** The session cookie the gateway will set on sign-in (issue 8 item 5); declared now so the document is whole. */
export const SESSION_COOKIE = 'eduplan_session';
const SESSION_SCHEME = 'session';

export type OpenApiDocument = ReturnType<OpenApiGeneratorV3['generateDocument']>;

/** Nest's `/api/orders/:id` as OpenAPI's `/api/orders/{id}`. */
export const openApiPath = (nestPath: string) => nestPath.replace(/:([A-Za-z]+)/g, '{$1}');

/** The OpenAPI 3.0 document of the gateway's HTTP API, generated from the operations' zod schemas. */
export function openApiDocument(): OpenApiDocument {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', SESSION_SCHEME, {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: 'Сессия после входа (POST /api/auth/login): HttpOnly, SameSite cookie',
  });
  const error = registry.register('Error', errorResponse);
  for (const operation of API_OPERATIONS) registry.registerPath(routeOf(operation, error));
  return new OpenApiGeneratorV3(registry.definitions).generateDocument({
    openapi: '3.0.3',
    info: {
      title: 'eduplan API',
      version: '0.1',
      description:
        'Планы мероприятий, приказы, согласование, подпись и мониторинг. Изменяющие запросы принимают только JSON ' +
        '(загрузка файлов — только там, где сказано) и только со страниц eduplan (заголовок Origin); ' +
        'каждый отказ — `{ code, message }` с сообщением по-русски.',
    },
    security: [{ [SESSION_SCHEME]: [] }],
  });
}

function routeOf(operation: ApiOperation, error: z.ZodTypeAny): RouteConfig {
  const refusal: ResponseConfig = { description: 'Отказ: `{ code, message }`', content: { 'application/json': { schema: error } } };
  return {
    method: operation.method,
    path: openApiPath(operation.path),
    tags: [operation.tag],
    summary: operation.summary,
    description: `Доступ: ${accessText(operation.access)}.`,
    ...(operation.access === 'anonymous' ? { security: [] } : {}),
    request: {
      params: operation.params,
      query: operation.query,
      body: operation.body && requestBody(operation.body),
    },
    responses: {
      [String(operation.answer.status)]: answerOf(operation.answer),
      '4XX': refusal,
      '5XX': refusal,
    },
  };
}

function requestBody(body: NonNullable<ApiOperation['body']>): NonNullable<RouteConfig['request']>['body'] {
  if ('json' in body) return { required: true, content: { 'application/json': { schema: body.json } } };
  const form = z.object({ [UPLOAD_FIELD]: z.string().openapi({ type: 'string', format: 'binary' }) });
  return {
    required: true,
    content: {
      'multipart/form-data': { schema: form },
      ...(body.upload === 'multipart-or-raw' ? { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } : {}),
    },
  };
}

function answerOf(answer: ApiOperation['answer']): ResponseConfig {
  if ('json' in answer) return { description: answer.description, content: { 'application/json': { schema: answer.json } } };
  if ('redirect' in answer) return { description: answer.description, headers: { Location: { schema: { type: 'string' as const } } } };
  const schema = answer.file === 'text/html' ? { type: 'string' as const } : { type: 'string' as const, format: 'binary' };
  return { description: answer.description, content: { [answer.file]: { schema } } };
}

function accessText(access: Access): string {
  if (access === 'anonymous') return 'без входа';
  if (access === 'signed-in') return 'любой вошедший';
  return access.map((role) => ROLE_NAMES[role]).join(', ');
}
