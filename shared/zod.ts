import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

/*
 * Every schema in the product is made with this `z`. zod 4 gives each schema its methods
 * when it is created, so the OpenAPI extension (`.openapi()`, used by the function apps to
 * name schemas in the API document) must be installed before the first schema exists —
 * which importing zod through here guarantees, whatever order modules load in.
 */
extendZodWithOpenApi(z);

export { z };
