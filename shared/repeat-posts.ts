import type { Clock } from './clock.ts';
import { type Db, getItem, putIf } from './db.ts';
import { ENTITY, keys } from './keys.ts';

/*
 * A page's form posted twice (a double click before the page's script stops the second, a
 * browser without the script): the second identical post of one person to one page within
 * REPEAT_WINDOW_MS gets the first one's answer, its redirect to the result page, instead of
 * running again against the version the first one changed (412 "changed by someone else").
 * One item per person and page path, overwritten by their next post there; it holds the form's
 * fingerprint (a hash: the form's text is not kept) and, once answered, where the answer went.
 */

/** How long an identical post counts as a repeat of the first. */
export const REPEAT_WINDOW_MS = 60_000;
/** How long a repeat waits for the first post, still running, to answer. */
const WAIT_FOR_FIRST_MS = 3_000;
const POLL_MS = 100;

type Deps = { db: Db; clock: Clock };

/**
 * Claims the post for `fingerprint`: `run` when it is the first (or the first failed), or the
 * first one's redirect when an identical post answered one within the window. A repeat that
 * arrives while the first still runs waits for its answer (up to 3 s, then runs itself).
 */
export async function claimPost(
  deps: Deps,
  sub: string,
  path: string,
  fingerprint: string,
): Promise<{ run: true } | { run: false; location: string }> {
  const key = keys.pagePost(sub, path);
  const now = deps.clock.now().getTime();
  const claimed = await putIf(
    deps.db,
    { ...key, entityType: ENTITY.pagePost, fingerprint, at: now, state: 'running' },
    'attribute_not_exists(pk) OR fingerprint <> :fingerprint OR #at < :since OR #state = :failed',
    { '#at': 'at', '#state': 'state' },
    { ':fingerprint': fingerprint, ':since': now - REPEAT_WINDOW_MS, ':failed': 'failed' },
  );
  if (claimed) return { run: true };
  for (let waited = 0; waited <= WAIT_FOR_FIRST_MS; waited += POLL_MS) {
    const first = await getItem(deps.db, key);
    if (first?.fingerprint !== fingerprint || first.state === 'failed') return { run: true };
    if (first.state === 'answered' && typeof first.location === 'string')
      return { run: false, location: first.location };
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return { run: true };
}

/** Records the claimed post's answer: its redirect, or that it did not end in one (so a retry runs). */
export async function settlePost(
  deps: Deps,
  sub: string,
  path: string,
  fingerprint: string,
  location: string | undefined,
): Promise<void> {
  await putIf(
    deps.db,
    {
      ...keys.pagePost(sub, path),
      entityType: ENTITY.pagePost,
      fingerprint,
      at: deps.clock.now().getTime(),
      ...(location ? { state: 'answered', location } : { state: 'failed' }),
    },
    'attribute_not_exists(pk) OR fingerprint = :fingerprint',
    undefined,
    { ':fingerprint': fingerprint },
  );
}
