/**
 * What the product's bundles get for `zod/v4/locales/index.js` (infra/bundle.ts): the two
 * languages shared/i18n.ts renders. zod re-exports all ~50 locales as a namespace, which no
 * bundler can shake off: they were a quarter of every function's bundle.
 */
export { default as en } from 'zod/v4/locales/en.js';
export { default as zhCN } from 'zod/v4/locales/zh-CN.js';
