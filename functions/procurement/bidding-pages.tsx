import { createRouter, type HttpDeps } from '../http/app.ts';
import { procurementOfficePages } from './pages/office.tsx';
import { procurementSupplierPages } from './pages/supplier.tsx';

/**
 * The pages of the bidding itself: the office's (list, set-up, dashboard) and the suppliers'
 * (bid, final quotation), in functions/procurement/pages/office* and supplier*. The public, print
 * and panel pages are mounted apart (pages/routes.tsx).
 */
export function biddingPages(deps: HttpDeps) {
  const app = createRouter();
  app.route('/', procurementOfficePages(deps));
  app.route('/', procurementSupplierPages(deps));
  return app;
}
