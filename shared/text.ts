import { z } from './zod.ts';

/**
 * Characters that show nothing on a page, a notice, a CSV or an OCDS release: white space,
 * control and format characters (zero-width space and joiners, bidi marks, soft hyphen),
 * variation selectors and the blank "filler" letters (Braille blank U+2800, Hangul fillers).
 */
const INVISIBLE =
  /\p{White_Space}|\p{Cc}|\p{Cf}|\p{Variation_Selector}|\u034F|\u17B4|\u17B5|[\u115F\u1160\u2800\u3164\uFFA0]/gu;

/** Bidirectional embedding, override and isolate controls: they can make a name read backwards. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;

/** True when `text` has at least one character a reader can see. */
export function hasVisibleText(text: string): boolean {
  return text.replace(INVISIBLE, '').length > 0;
}

/**
 * Required free text (a plan, a reason, an answer): trimmed, at most `max` characters, with at
 * least one visible character (`text.invisible` otherwise).
 */
export function RequiredText(max: number) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine(hasVisibleText, { params: { code: 'text.invisible' } });
}

/**
 * A name or a title, which the public reads on publicity, notices and exports: required text
 * that also refuses bidirectional override characters (`text.bidi`).
 */
export function NameText(max: number) {
  return RequiredText(max).refine((text) => !BIDI_CONTROLS.test(text), { params: { code: 'text.bidi' } });
}
