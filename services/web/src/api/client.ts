import createClient from 'openapi-fetch';
import type { paths } from './generated/schema';
import { ApiError } from './api-error';

/**
 * The one way the page talks to the gateway: paths, parameters, bodies and answers are typed from the gateway's
 * OpenAPI document (generated at build time), so a contract change breaks the build rather than a screen.
 */
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });

type Reply<T> = { data?: T; error?: unknown; response: Response };

/**
 * The body of a success, or an `ApiError` carrying the gateway's Russian message (and, for a refused form,
 * the message of each field). `await ok(api.GET('/api/plans/{id}', …))`.
 */
export async function ok<T>(request: Promise<Reply<T>>): Promise<T> {
  let reply: Reply<T>;
  try {
    reply = await request;
  } catch {
    throw new ApiError(0, 'NETWORK', 'Шлюз не отвечает: проверьте подключение или что eduplan запущен');
  }
  if (reply.error !== undefined || !reply.response.ok) throw ApiError.of(reply.response.status, reply.error);
  return reply.data as T;
}

/** A file as the gateway takes uploads: a multipart form with the one field «file». */
export const fileForm = (file: File) => (): FormData => {
  const form = new FormData();
  form.append('file', file);
  return form;
};
