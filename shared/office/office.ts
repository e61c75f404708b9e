import type { Db } from '../db.ts';
import { putIf } from '../db.ts';
import { ENTITY, keys, withoutKeys } from '../keys.ts';
import { readEntity } from '../versioned.ts';
import { z } from '../zod.ts';

export const Office = z.object({
  id: z.string(),
  name: z.string(),
  /** Default notice-number prefix for the office's contests, e.g. 西屯微创投. */
  noticePrefix: z.string(),
  /** Who teams call about their notice: department and phone, printed on every notice. */
  contact: z.string().optional(),
  createdAt: z.string(),
});
export type Office = z.infer<typeof Office>;

export function getOffice(db: Db, officeId: string): Promise<Office | undefined> {
  return readEntity(db, keys.office(officeId), (item) => Office.parse(withoutKeys(item)));
}

/** Offices are provisioned, not created through the API; the seed and admin scripts call this. */
export function createOfficeIfMissing(db: Db, office: Office): Promise<boolean> {
  return putIf(
    db,
    { ...keys.office(office.id), entityType: ENTITY.office, ...office },
    'attribute_not_exists(pk)',
  );
}
