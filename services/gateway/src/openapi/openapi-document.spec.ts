import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { AppModule } from '../app.module';
import { WEB_PAGES } from './api-operations';
import { openApiDocument, openApiPath, SESSION_COOKIE, type OpenApiDocument } from './openapi-document';

const NOT_API = new Set(WEB_PAGES);
const METHODS = ['get', 'post', 'patch', 'put', 'delete'] as const;

interface RouterLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** Every route the Nest application actually serves, read from its Express router: `METHOD /path/:param`. */
async function servedRoutes(): Promise<string[]> {
  const app: INestApplication = await NestFactory.create(AppModule, { logger: false });
  await app.init();
  try {
    const express = app.getHttpAdapter().getInstance() as { router: { stack: RouterLayer[] } };
    return express.router.stack.flatMap((layer) =>
      layer.route ? Object.keys(layer.route.methods).map((method) => `${method.toUpperCase()} ${layer.route!.path}`) : [],
    );
  } finally {
    await app.close();
  }
}

function documentedRoutes(document: OpenApiDocument): string[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => `${method.toUpperCase()} ${path}`),
  );
}

/** Every `$ref` in the document, with where it was found. */
function refs(value: unknown, at = '#'): [string, string][] {
  if (Array.isArray(value)) return value.flatMap((item, i) => refs(item, `${at}/${i}`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => (key === '$ref' ? [[at, String(item)] as [string, string]] : refs(item, `${at}/${key}`)));
}

describe('the OpenAPI document', () => {
  const document = openApiDocument();

  it('describes every route the gateway serves, and nothing it does not (a route added without a description fails)', async () => {
    const served = (await servedRoutes()).filter((route) => !NOT_API.has(route));
    const asOpenApi = served.map((route) => {
      const [method, path] = route.split(' ');
      return `${method} ${openApiPath(path)}`;
    });
    expect(asOpenApi.length).toBeGreaterThan(40);
    expect(asOpenApi.filter((route) => !documentedRoutes(document).includes(route))).toEqual([]);
    expect(documentedRoutes(document).filter((route) => !asOpenApi.includes(route))).toEqual([]);
  });

  it('is structurally valid OpenAPI 3.0: refs resolve, path parameters match their templates, every answer has content', () => {
    expect(document.openapi).toMatch(/^3\.0\.\d$/);
    for (const [at, ref] of refs(document)) {
      const target = ref.replace(/^#\//, '').split('/').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], document);
      expect({ at, ref, resolves: target !== undefined }).toEqual({ at, ref, resolves: true });
    }
    const schemes = Object.keys(document.components?.securitySchemes ?? {});
    for (const [path, item] of Object.entries(document.paths)) {
      const templated = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      for (const method of METHODS) {
        const operation = item[method];
        if (!operation) continue;
        const where = `${method.toUpperCase()} ${path}`;
        const parameters = (operation.parameters ?? []) as { in: string; name: string; required?: boolean; schema?: unknown }[];
        const inPath = parameters.filter((p) => p.in === 'path');
        expect({ where, path: inPath.map((p) => p.name).sort() }).toEqual({ where, path: templated });
        expect({ where, required: inPath.every((p) => p.required === true && p.schema !== undefined) }).toEqual({ where, required: true });
        const names = parameters.map((p) => `${p.in}:${p.name}`);
        expect({ where, unique: new Set(names).size === names.length }).toEqual({ where, unique: true });
        const statuses = Object.keys(operation.responses);
        expect({ where, success: statuses.some((s) => /^(2\d\d|302)$/.test(s)), refusal: statuses.includes('4XX') }).toEqual({ where, success: true, refusal: true });
        for (const status of statuses) {
          const response = operation.responses[status] as { description?: string; content?: Record<string, { schema?: unknown }> };
          expect({ where, status, described: typeof response.description === 'string' }).toEqual({ where, status, described: true });
          expect({ where, status, schemas: Object.values(response.content ?? {}).every((c) => c.schema !== undefined) }).toEqual({ where, status, schemas: true });
        }
        for (const requirement of operation.security ?? document.security ?? []) {
          for (const scheme of Object.keys(requirement)) expect(schemes).toContain(scheme);
        }
        if (method === 'post' || method === 'patch') {
          const body = operation.requestBody as { content?: Record<string, unknown> } | undefined;
          if (body) expect({ where, types: Object.keys(body.content ?? {}).length > 0 }).toEqual({ where, types: true });
        }
      }
    }
  });

  it('declares the session cookie and the error shape { code, message }', () => {
    expect(document.components?.securitySchemes?.session).toMatchObject({ type: 'apiKey', in: 'cookie', name: SESSION_COOKIE });
    expect(document.components?.schemas?.Error).toMatchObject({ type: 'object', required: ['code', 'message'] });
    expect(document.paths['/health']?.get?.security).toEqual([]);
  });

  it('takes JSON on JSON writes, refusing unknown fields, and files only on the upload routes', () => {
    const body = (path: string, method: 'post' | 'patch') =>
      (document.paths[path]?.[method]?.requestBody as { content: Record<string, { schema: { additionalProperties?: boolean; required?: string[] } }> }).content;
    expect(Object.keys(body('/api/organizations', 'post'))).toEqual(['application/json']);
    expect(body('/api/organizations', 'post')['application/json'].schema).toMatchObject({ additionalProperties: false, required: ['name', 'kind'] });
    expect(body('/api/plans/{id}/events/{eventId}', 'patch')['application/json'].schema.required).toEqual(['baseVersion']);
    expect(Object.keys(body('/api/plans/import/preview', 'post'))).toEqual(['multipart/form-data', 'application/octet-stream']);
    expect(Object.keys(body('/api/documents/verification', 'post'))).toEqual(['multipart/form-data']);
  });
});
