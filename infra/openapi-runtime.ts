import type { z } from 'zod';

/**
 * What the Lambda bundles get for `@asteasolutions/zod-to-openapi` (infra/bundle.ts): the
 * OpenAPI document is built at bundle time (the portal serves it as JSON), so at run time no
 * function generates one. `.openapi()` only names a schema or adds documentation to it, so
 * here it returns the schema itself, and the registry `@hono/zod-openapi` fills keeps nothing.
 * Validation is untouched: `@hono/zod-openapi` and zod are the real ones. This saves 29 KB
 * and a schema copy per `.openapi()` call on every cold start.
 */
export class OpenAPIRegistry {
  readonly definitions: never[] = [];
  registerPath(): void {}
  registerWebhook(): void {}
  registerComponent(): void {}
  register<T>(_refId: string, schema: T): T {
    return schema;
  }
  registerParameter<T>(_refId: string, schema: T): T {
    return schema;
  }
}

class NoGenerator {
  constructor() {
    throw new Error('No API document is generated on Lambda: it is built at bundle time (infra/bundle.ts)');
  }
}
export const OpenApiGeneratorV3 = NoGenerator;
export const OpenApiGeneratorV31 = NoGenerator;

export function getOpenApiMetadata(): Record<string, never> {
  return {};
}

/** zod copies the prototype's enumerable members onto each schema it makes: a plain assignment. */
export function extendZodWithOpenApi(zod: { ZodType: { prototype: object } }): void {
  const prototype = zod.ZodType.prototype as { openapi?: unknown };
  prototype.openapi ??= function openapi(this: z.ZodType) {
    return this;
  };
}
