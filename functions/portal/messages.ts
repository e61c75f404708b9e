import { formatShanghai } from '../../shared/clock.ts';
import type { ContestStatus } from '../../shared/contest/model.ts';
import type { Locale } from '../../shared/i18n.ts';

/** Page text only; API messages (problems) stay in shared/i18n.ts. */
export interface PageText {
  productName: string;
  productNameOther: string;
  tagline: string;
  contestsHeading: string;
  noContests: string;
  moreContests: string;
  budget: string;
  deadline: string;
  statuses: Record<ContestStatus, string>;
  developersHeading: string;
  apiDocs: string;
  openapiJson: string;
  signIn: string;
  switchLanguage: string;
  switchLanguageTo: Locale;
  docsTitle: string;
  docsNoScript: string;
  footer: string;
}

const zhCN: PageText = {
  productName: '微创投',
  productNameOther: 'Micro-Venture',
  tagline: '社区公益微创投大赛与服务购买平台：居民找需求、出方案、组团队，街道打包购买。',
  contestsHeading: '正在公开的大赛',
  noContests: '暂无公开的大赛。',
  moreContests: '查看更多',
  budget: '总预算',
  deadline: '申报截止',
  statuses: {
    draft: '草稿',
    open: '征集中',
    screening: '资格审查',
    review: '评审中',
    publicity: '入围公示',
    locked: '锁定采购',
    awarded: '已发放通知',
    cancelled: '已取消',
  },
  developersHeading: '开发者',
  apiDocs: '接口文档',
  openapiJson: 'OpenAPI 3.1 描述文件（JSON）',
  signIn: '演示登录',
  switchLanguage: 'English',
  switchLanguageTo: 'en',
  docsTitle: '微创投 Micro-Venture API 文档',
  docsNoScript: '交互式文档需要启用 JavaScript；也可直接下载 OpenAPI 描述文件：',
  footer: '微创投 · 社区公益微创投大赛',
};

const en: PageText = {
  productName: 'Micro-Venture',
  productNameOther: '微创投',
  tagline:
    'Community micro-venture contests and service purchasing: residents find a need, a plan and a team; the street office buys the projects as one bundle.',
  contestsHeading: 'Published contests',
  noContests: 'No contests have been published yet.',
  moreContests: 'More contests',
  budget: 'Budget',
  deadline: 'Submissions close',
  statuses: {
    draft: 'Draft',
    open: 'Open for proposals',
    screening: 'Eligibility screening',
    review: 'Under review',
    publicity: 'Shortlist publicity',
    locked: 'Bundle locked',
    awarded: 'Notices issued',
    cancelled: 'Cancelled',
  },
  developersHeading: 'Developers',
  apiDocs: 'API documentation',
  openapiJson: 'OpenAPI 3.1 document (JSON)',
  signIn: 'Demo sign-in',
  switchLanguage: '中文',
  switchLanguageTo: 'zh-CN',
  docsTitle: 'Micro-Venture API documentation',
  docsNoScript: 'The interactive documentation needs JavaScript; the OpenAPI document is here:',
  footer: 'Micro-Venture · community public-welfare micro-venture contests',
};

export const pageText: Record<Locale, PageText> = { 'zh-CN': zhCN, en };

const EN_SHANGHAI = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Shanghai',
  dateStyle: 'medium',
  timeStyle: 'short',
});

/** English readers get an English date; both show Asia/Shanghai, the contest's own clock. */
export function formatDeadline(iso: string, locale: Locale): string {
  return locale === 'zh-CN' ? formatShanghai(iso) : `${EN_SHANGHAI.format(new Date(iso))} (Beijing time)`;
}
