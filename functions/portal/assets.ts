import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Context } from 'hono';

const gzipAsync = promisify(gzip);

export const CONTENT_TYPES = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
} as const;

/** A static file held in memory for the life of the process (a warm Lambda container). */
export interface Asset {
  body: Uint8Array<ArrayBuffer>;
  contentType: string;
  /** Weak, because the same entity goes out gzipped or not. */
  etag: string;
  /** The first 12 hex digits of the content hash: put in URLs so a changed file is a new URL. */
  version: string;
  gzipped?: Promise<Uint8Array<ArrayBuffer>>;
}

/** Below this size gzip saves too little to be worth a header. */
const GZIP_MIN_BYTES = 1024;

export function makeAsset(content: Uint8Array | string, contentType: string): Asset {
  const body = typeof content === 'string' ? new TextEncoder().encode(content) : new Uint8Array(content);
  const hash = createHash('sha256').update(body).digest('hex');
  return { body, contentType, etag: `W/"${hash.slice(0, 32)}"`, version: hash.slice(0, 12) };
}

function acceptsGzip(acceptEncoding: string | undefined): boolean {
  if (!acceptEncoding) return false;
  return acceptEncoding.split(',').some((part) => {
    const [coding = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return (coding === 'gzip' || coding === '*') && (q === undefined || Number(q.slice(2)) > 0);
  });
}

function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

/**
 * Serves an in-memory asset with validators and, for clients that take it, gzip (the Swagger UI
 * bundle is 1.7 MB raw and about 0.45 MB gzipped, which matters on a phone).
 */
export async function assetResponse(c: Context, asset: Asset, cacheControl: string): Promise<Response> {
  c.header('etag', asset.etag);
  c.header('cache-control', cacheControl);
  c.header('vary', 'Accept-Encoding', { append: true });
  if (matchesEtag(c.req.header('if-none-match'), asset.etag)) return c.body(null, 304);
  c.header('content-type', asset.contentType);
  if (asset.body.byteLength >= GZIP_MIN_BYTES && acceptsGzip(c.req.header('accept-encoding'))) {
    asset.gzipped ??= gzipAsync(asset.body).then((zipped) => new Uint8Array(zipped));
    c.header('content-encoding', 'gzip');
    return c.body(await asset.gzipped, 200);
  }
  return c.body(asset.body, 200);
}
