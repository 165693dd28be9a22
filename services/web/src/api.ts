/** An answer of the API that is not a success: the gateway's `{ code, message }`, message in Russian. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface ApiReply<T> {
  status: number;
  body: T;
}

/**
 * One HTTP call to the gateway; never throws on an error status (see `api` for that). A `Blob` body (a file)
 * goes as it is, anything else as JSON.
 */
export async function request<T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<ApiReply<T>> {
  let response: Response;
  const file = body instanceof Blob;
  try {
    response = await fetch(path, {
      method,
      headers:
        body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': file ? 'application/octet-stream' : 'application/json' },
      body: body === undefined ? undefined : file ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Шлюз не отвечает: проверьте, что eduplan запущен (npm start)');
  }
  const text = await response.text();
  const parsed: unknown = text && (response.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text;
  return { status: response.status, body: parsed as T };
}

function errorOf(reply: ApiReply<unknown>): ApiError {
  const body = reply.body;
  if (typeof body === 'object' && body !== null && 'message' in body) {
    const { code, message, service } = body as { code?: string; message: unknown; service?: string };
    const text = String(message);
    return new ApiError(reply.status, code ?? 'HTTP', service && !text.includes(service) ? `${text} (сервис ${service})` : text);
  }
  return new ApiError(reply.status, 'HTTP', `Ошибка ${reply.status}`);
}

/** Calls the API and returns the body of a success; an error answer becomes an `ApiError`. */
export async function api<T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T> {
  const reply = await request<T>(method, path, body);
  if (reply.status >= 400) throw errorOf(reply);
  return reply.body;
}


export const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));
