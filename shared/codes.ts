import { NameText } from './text.ts';
import { z } from './zod.ts';

/**
 * Codes and names: what programs key on, and what people read. Categories (a contest's) and
 * communities (an office's, shared by its teams and contests) are both a list of these.
 */
export const Code = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/);
export const CodeName = z.strictObject({ code: Code, name: NameText(40) });
export type CodeName = z.infer<typeof CodeName>;
/** As typed: the code may be left out, and is then made from the name (codeFromName). */
export const TypedCodeName = z.strictObject({ code: Code.optional(), name: NameText(40) });
export type TypedCodeName = z.infer<typeof TypedCodeName>;

/**
 * The code a name gets when none is given: its ASCII letters and digits, lower-case, words
 * joined by `-` ("Elderly care" → `elderly-care`), or, for a name with none (为老服务),
 * `<kind>-<n>` with the first n not taken in the list. Codes are what programs and quotas key
 * on; people see the name.
 */
export function codeFromName(name: string, kind: string, taken: ReadonlySet<string>): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  if (slug && !taken.has(slug)) return slug;
  let n = 1;
  while (taken.has(`${kind}-${n}`)) n++;
  return `${kind}-${n}`;
}
