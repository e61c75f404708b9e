import { describe, expect, it } from 'vitest';
import { createAwardsApp } from '../../functions/awards/app.tsx';
import type { HttpDeps } from '../../functions/http/app.ts';
import { createPortalApp } from '../../functions/portal/app.ts';
import { createProcurementApp } from '../../functions/procurement/app.ts';
import { FUNCTIONS, routesOf } from '../../functions/route-table.ts';
import { createScoringApp } from '../../functions/scoring/app.ts';
import { createShortlistingApp } from '../../functions/shortlisting/app.ts';
import { createSubmissionsApp } from '../../functions/submissions/app.ts';

/** Creating an app does no I/O, so these tests need no table. */
const noDeps = {} as HttpDeps;
const apps = {
  submissions: createSubmissionsApp(noDeps),
  scoring: createScoringApp(noDeps),
  shortlisting: createShortlistingApp(noDeps),
  awards: createAwardsApp(noDeps),
  procurement: createProcurementApp(noDeps),
  portal: createPortalApp(noDeps),
};

describe('each function app and the route table', () => {
  for (const fn of FUNCTIONS) {
    it(`${fn} serves exactly the routes the table gives it`, () => {
      const served = apps[fn].routes
        .filter((route) => route.method !== 'ALL')
        .map((route) => `${route.method} ${route.path}`);
      const declared = routesOf(fn).map(
        ([, spec]) => `${spec.method.toUpperCase()} ${spec.path.replace(/\{(\w+)\}/g, ':$1')}`,
      );
      expect([...new Set(served)].sort()).toEqual(declared.sort());
    });
  }
});
