import { z } from '../shared/zod.ts';

/**
 * A step of bench/bundles.ts between the minimal handler and a function: the minimal handler
 * plus zod, as the product imports it, and one schema. What zod alone costs every function.
 */
export { handler } from './minimal-handler.ts';
export const schema = z.string();
