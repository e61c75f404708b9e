/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { z } from '@hono/zod-openapi';
import { verifyAudit } from '../../../shared/audit-log.ts';
import { readLockedBundle, readPublicity } from '../../../shared/bundle/actions.ts';
import { readContest } from '../../../shared/contest/actions.ts';
import { inPhase } from '../../../shared/contest/lifecycle.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import { createRouter, type HttpDeps } from '../../http/app.ts';
import { Id } from '../../http/params.ts';
import { href } from '../../ui/href.ts';
import { definePage, pageParams } from '../../ui/page.tsx';
import { currentPath, signInHref } from '../../ui/session.ts';
import { ContestPage } from './contest.tsx';

const LOCKED = new Set(['locked', 'awarded']);

/** Absent instead of failing: a phase's record that is not there yet. */
const unlessMissing = <T,>(read: Promise<T>): Promise<T | undefined> =>
  read.catch((error: unknown) => {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  });

/** The submissions function's pages: the public contest page. */
export function submissionsPages(deps: HttpDeps) {
  const app = createRouter();

  definePage(app, 'contestPage', deps, async (c) => {
    const { contestId } = pageParams(c, z.object({ contestId: Id }));
    const principal = c.get('principal');
    const contest = await readContest(deps, principal, contestId);
    const [publicity, locked, audit] = await Promise.all([
      inPhase(contest, 'published') ? unlessMissing(readPublicity(deps, contestId)) : undefined,
      LOCKED.has(contest.status) ? unlessMissing(readLockedBundle(deps, contestId)) : undefined,
      contest.status === 'draft' ? undefined : verifyAudit(deps, contestId),
    ]);
    return c.render(
      <ContestPage
        locale={c.get('locale')}
        now={deps.clock.now()}
        contest={contest}
        publicity={publicity}
        locked={locked}
        audit={audit}
        signedIn={principal !== undefined}
        takePartHref={principal ? href('newProposalPage', { contestId }) : signInHref(currentPath(c))}
        objectHref={
          principal ? href('objectionPage', { contestId }) : signInHref(href('objectionPage', { contestId }))
        }
      />,
      { title: contest.title },
    );
  });

  return app;
}
