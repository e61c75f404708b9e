import type { Texts } from '../../ui/texts.ts';

export interface HomeText {
  title: string;
  tagline: string;
  contestsHeading: string;
  noContests: string;
  moreContests: string;
  budget: string;
  deadline: string;
  procurementsHeading: string;
  ceiling: string;
  biddingDeadline: string;
  developersHeading: string;
  apiDocs: string;
  openapiJson: string;
}

export const homeTexts: Texts<HomeText> = {
  'zh-CN': {
    title: '社区公益微创投大赛',
    tagline: '居民找需求、出方案、组团队，街道把入选项目打包购买；评审、公示和结果全程公开，可以核验。',
    contestsHeading: '大赛',
    noContests: '暂无公开的大赛。',
    moreContests: '查看更多',
    budget: '总预算',
    deadline: '申报截止',
    procurementsHeading: '采购公告（竞争性磋商）',
    ceiling: '最高限价',
    biddingDeadline: '响应文件递交截止',
    developersHeading: '开发者',
    apiDocs: '接口文档',
    openapiJson: 'OpenAPI 3.1 描述文件（JSON）',
  },
  en: {
    title: 'Community micro-venture contests',
    tagline:
      'Residents find a need, a plan and a team; the street office buys the chosen projects as one bundle. Review, publicity and results are public and verifiable.',
    contestsHeading: 'Contests',
    noContests: 'No contests have been published yet.',
    moreContests: 'More contests',
    budget: 'Budget',
    deadline: 'Submissions close',
    procurementsHeading: 'Purchases (competitive consultation)',
    ceiling: 'Ceiling price',
    biddingDeadline: 'Bids close',
    developersHeading: 'Developers',
    apiDocs: 'API documentation',
    openapiJson: 'OpenAPI 3.1 document (JSON)',
  },
};
