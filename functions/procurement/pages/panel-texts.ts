import type { Texts } from '../../ui/texts.ts';

/** A panel member's pages (磋商小组成员): the procurements, the bids to score, the score sheet. */
export interface PanelText {
  title: string;
  none: string;
  lead: string;
  announcement: string;
  sealed: string;
  waiting: string;
  technical: string;
  business: string;
  states: {
    missing: string;
    draft: string;
    submitted: string;
    declared: string;
    own: string;
    out: (reasons: string) => string;
  };
  open: string;
  blindNote: string;
  bid: string;
  notYet: string;
  notScored: string;
  conflicted: { declared: string; own: string };
  conflictHint: string;
  confirmBody: string;
  saveDraft: string;
  saved: string;
  reopened: (reason: string, when: string) => string;
  declared: string;
  back: string;
  result: string;
}

export const panelTexts: Texts<PanelText> = {
  'zh-CN': {
    title: '我参加的磋商小组',
    none: '你还没有被列入任何采购项目的磋商小组。',
    lead: '每家有效响应的供应商，你独立评一份分；你看不到其他成员的评分。',
    announcement: '采购公告',
    sealed: '响应文件尚未开启：',
    waiting: '综合评分阶段开始后才能评分；现在可以查看响应文件、申报利益冲突。',
    technical: '技术评分项',
    business: '商务评分项',
    states: {
      missing: '未评分',
      draft: '草稿，未提交',
      submitted: '已提交',
      declared: '已申报冲突，回避',
      own: '本人所在组织，回避',
      out: (reasons) => `无效响应，不评分（${reasons}）`,
    },
    open: '评分',
    blindNote: '独立评分：这里只有你自己的评分。',
    bid: '响应文件',
    notYet: '综合评分阶段开始后才能评分。',
    notScored: '这份响应文件为无效响应，不参加评分。',
    conflicted: {
      declared: '你已申报与这家供应商存在利益冲突，不参与对它的评分。',
      own: '这是你所在组织的响应文件，你不参与对它的评分。',
    },
    conflictHint: '例如：曾在该机构任职，或与其负责人是亲属',
    confirmBody: '提交后不能修改；如需更正，须由街道工作人员注明理由重新开启。',
    saveDraft: '保存草稿',
    saved: '草稿已保存：只有你自己看得到，提交后才计入评分。',
    reopened: (reason, when) => `街道工作人员于 ${when} 重新开启了你的评分表，理由：${reason}`,
    declared: '已申报冲突，你不会为这家供应商评分。',
    back: '返回评分列表',
    result: '查看成交结果公告',
  },
  en: {
    title: 'My consultation panels',
    none: 'You are not on any procurement’s panel yet.',
    lead: 'You score every responsive supplier on your own; you do not see the other members’ scores.',
    announcement: 'Procurement announcement',
    sealed: 'The bids are not open yet: ',
    waiting:
      'Scoring starts with the evaluation phase; until then you can read the bids and declare a conflict.',
    technical: 'Technical criteria',
    business: 'Business criteria',
    states: {
      missing: 'Not scored',
      draft: 'Draft, not submitted',
      submitted: 'Submitted',
      declared: 'Conflict declared, stepped aside',
      own: 'My own organisation, stepped aside',
      out: (reasons) => `Not responsive, not scored (${reasons})`,
    },
    open: 'Score',
    blindNote: 'Independent scoring: only your own scores are shown here.',
    bid: 'The bid',
    notYet: 'Scoring starts with the evaluation phase.',
    notScored: 'This bid is not responsive and is not scored.',
    conflicted: {
      declared: 'You declared a conflict of interest with this supplier and do not score it.',
      own: 'This is your own organisation’s bid; you do not score it.',
    },
    conflictHint: 'For example: you worked there, or a relative leads it',
    confirmBody: 'Once submitted it cannot be changed unless an officer reopens it, with a reason.',
    saveDraft: 'Save draft',
    saved: 'Draft saved: only you see it, and it counts once submitted.',
    reopened: (reason, when) => `An officer reopened your sheet on ${when}. Reason: ${reason}`,
    declared: 'Conflict declared; you will not score this supplier.',
    back: 'Back to the bids',
    result: 'See the result announcement',
  },
};
