import type { OpenAPIHono } from '@hono/zod-openapi';
import packageJson from '../../package.json' with { type: 'json' };
import { createAwardsApp } from '../awards/app.tsx';
import type { HttpDeps } from '../http/app.ts';
import { annotateUnits } from '../http/openapi-units.ts';
import { createProcurementApp } from '../procurement/app.ts';
import { FUNCTIONS, type FunctionName } from '../route-table.ts';
import { createScoringApp } from '../scoring/app.ts';
import { createShortlistingApp } from '../shortlisting/app.ts';
import { createSubmissionsApp } from '../submissions/app.ts';

type DocumentSource = Pick<OpenAPIHono, 'getOpenAPI31Document'>;
type Document = ReturnType<DocumentSource['getOpenAPI31Document']>;

/**
 * Every function app whose routes the API document describes, one line each. The portal is left
 * out only because it passes itself in (importing it here would be a cycle); `satisfies` makes a
 * function added to the route table fail to compile until it is listed.
 */
export const documentedApps = {
  submissions: createSubmissionsApp,
  scoring: createScoringApp,
  shortlisting: createShortlistingApp,
  awards: createAwardsApp,
  procurement: createProcurementApp,
} satisfies Record<Exclude<FunctionName, 'portal'>, (deps: HttpDeps) => DocumentSource>;

const INFO = { title: '微创投 Micro-Venture API', version: packageJson.version };

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

class DocumentConflictError extends Error {}

function mergeComponents(into: Record<string, Record<string, unknown>>, from: Document['components']) {
  for (const [kind, entries] of Object.entries(from ?? {})) {
    const target = into[kind] ?? {};
    into[kind] = target;
    for (const [name, definition] of Object.entries(entries as Record<string, unknown>)) {
      // Apps share schemas (Problem, say); the same name must mean the same thing everywhere.
      if (name in target && JSON.stringify(target[name]) !== JSON.stringify(definition)) {
        throw new DocumentConflictError(`components.${kind}.${name} differs between function apps`);
      }
      target[name] = definition;
    }
  }
}

/** One OpenAPI 3.1 document for the whole API, merged from each function app's own. */
export function buildApiDocument(apps: readonly DocumentSource[]): Document {
  const paths: NonNullable<Document['paths']> = {};
  const components: Record<string, Record<string, unknown>> = {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
  };
  for (const app of apps) {
    const part = app.getOpenAPI31Document({ openapi: '3.1.0', info: INFO });
    for (const [path, item] of Object.entries(part.paths ?? {})) {
      const target = paths[path] ?? {};
      paths[path] = target;
      for (const method of METHODS) {
        if (!item[method]) continue;
        if (target[method]) throw new DocumentConflictError(`${method.toUpperCase()} ${path} is in two apps`);
        target[method] = item[method];
      }
    }
    mergeComponents(components, part.components);
  }
  return annotateUnits({
    openapi: '3.1.0',
    info: {
      ...INFO,
      description:
        'Community micro-venture contests and service purchasing for street offices. ' +
        'Errors are RFC 9457 problem+json in zh-CN or en by Accept-Language. ' +
        'Money is integer fen, scores integer hundredths of a point, times ISO-8601 UTC.',
    },
    servers: [{ url: '/' }],
    tags: FUNCTIONS.map((name) => ({ name })),
    paths,
    components,
  });
}
