/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Child } from 'hono/jsx';
import type { Locale } from '../../shared/i18n.ts';
import { routeTable } from '../route-table.ts';
import { docsAssetUrl } from './docs-assets.ts';

async function renderDocument(page: Child): Promise<string> {
  return `<!DOCTYPE html>${await (page ?? '').toString()}`;
}

function Layout(props: { locale: Locale; title: string; head?: Child; children?: Child }) {
  return (
    <html lang={props.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
        {props.head}
      </head>
      <body>{props.children}</body>
    </html>
  );
}

const DOCS_TEXT = {
  'zh-CN': {
    title: '微创投 Micro-Venture API 文档',
    noScript: '交互式文档需要启用 JavaScript；也可直接下载 OpenAPI 描述文件：',
  },
  en: {
    title: 'Micro-Venture API documentation',
    noScript: 'The interactive documentation needs JavaScript; the OpenAPI document is here:',
  },
} satisfies Record<Locale, { title: string; noScript: string }>;

/** Swagger UI, all of it served by this app: the docs work with no internet. */
function DocsPage({ locale }: { locale: Locale }) {
  const text = DOCS_TEXT[locale];
  return (
    <Layout
      locale={locale}
      title={text.title}
      head={
        <>
          <link rel="stylesheet" href={docsAssetUrl('swagger-ui.css')} />
          <link rel="stylesheet" href={docsAssetUrl('docs.css')} />
        </>
      }
    >
      <noscript>
        <p>
          {text.noScript} <a href={routeTable.openapi.path}>{routeTable.openapi.path}</a>
        </p>
      </noscript>
      <div id="swagger-ui" />
      <script src={docsAssetUrl('swagger-ui-bundle.js')} />
      <script src={docsAssetUrl('swagger-ui-standalone-preset.js')} />
      <script src={docsAssetUrl('docs-init.js')} />
    </Layout>
  );
}

export const renderDocsPage = (locale: Locale) => renderDocument(<DocsPage locale={locale} />);
