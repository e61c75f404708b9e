/**
 * What the product's bundles get for the parts of zod no function calls (infra/bundle.ts):
 * `z.compile` (ahead-of-time parsers, core/compile.js) and `z.fromJSONSchema`
 * (classic/from-json-schema.js). zod's `z` is one namespace object, so a bundler keeps every
 * module it re-exports: these two were 41 KB of every function. Calling one on Lambda throws
 * instead of silently doing something else.
 */
function notBundled(name: string): () => never {
  return () => {
    throw new Error(`${name} is left out of the Lambda bundles (infra/zod-unused.ts)`);
  };
}

export const INVALID = Symbol.for('zod.compile.invalid');
export class ZodCompileAsyncError extends Error {}
export class ZodCompileUnsupportedError extends Error {}
export const compile = notBundled('z.compile');
export const compileFn = notBundled('z.compile');
export const withParser = notBundled('z.withParser');
export const fromJSONSchema = notBundled('z.fromJSONSchema');
