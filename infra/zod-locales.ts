/**
 * What the product's bundles get for `zod/v4/locales/index.js` (infra/bundle.ts): English
 * only, the locale zod installs for itself when it loads. The product never shows a zod
 * message: shared/i18n.ts gives zod a `customError` that words every issue in both languages,
 * so no other locale is ever consulted. zod re-exports all ~50 locales as a namespace, which
 * no bundler can shake off: they were a quarter of every function's bundle.
 */
export { default as en } from 'zod/v4/locales/en.js';
