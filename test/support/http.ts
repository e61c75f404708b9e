import type { Hono } from 'hono';

export interface CallOptions {
  token?: string | undefined;
  body?: unknown;
  /** A raw body string, sent as is (broken JSON, say). */
  raw?: string;
  headers?: Record<string, string>;
  lang?: 'zh-CN' | 'en';
}

export interface CallResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

type AnyApp = Pick<Hono<any>, 'request'>;

/** Drives an app over HTTP as a client would, through `app.request`. */
export async function call<T = any>(
  app: AnyApp,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<CallResult<T>> {
  const headers: Record<string, string> = { 'accept-language': options.lang ?? 'en', ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.raw !== undefined) body = options.raw;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
    headers['content-type'] = 'application/json';
  }
  const response = await app.request(path, { method, headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: parsed as T, headers: response.headers };
}
