import type { Texts } from '../../ui/texts.ts';
import type { VerifyPageText } from '../../ui/verify.tsx';

/** The public procurement pages: the announcement (采购公告) and the result announcement (成交结果公告). */
export interface PublicProcurementText {
  announcement: string;
  result: string;
  phase: string;
  facts: {
    office: string;
    method: string;
    methodValue: string;
    kind: string;
    kinds: { services: string; goods: string };
    ceiling: string;
    scoring: string;
    scoringValue: (pricePoints: string) => string;
    minSuppliers: string;
    minSuppliersValue: (n: number) => string;
    biddingDeadline: string;
    quotationDeadline: string;
    announcedAt: string;
  };
  description: string;
  criteria: string;
  criteriaHead: { criterion: string; kind: string; points: string };
  criterionKinds: { technical: string; business: string; price: string };
  priceCriterion: string;
  parts: string;
  partsLead: string;
  howToBid: string;
  howToBidBody: string;
  terminated: (reason: string) => string;
  resultLink: string;
  announcementLink: string;
  awarded: string;
  awardedValue: (supplier: string, amount: string) => string;
  awardedAt: string;
  /** The panel's members by name (磋商小组成员名单), on the result announcement. */
  panel: string;
  resultHead: {
    rank: string;
    supplier: string;
    quotation: string;
    price: string;
    technical: string;
    total: string;
    outcome: string;
  };
  outcomes: { awarded: string; candidate: string; notResponsive: (reasons: string) => string };
  resultLead: string;
  rules: string;
  verifyLink: string;
}

export const publicProcurementTexts: Texts<PublicProcurementText> = {
  'zh-CN': {
    announcement: '采购公告',
    result: '成交结果公告',
    phase: '当前阶段',
    facts: {
      office: '采购单位',
      method: '采购方式',
      methodValue: '竞争性磋商',
      kind: '项目类型',
      kinds: { services: '服务', goods: '货物' },
      ceiling: '最高限价',
      scoring: '评审方法',
      scoringValue: (price) => `综合评分法，价格分 ${price} 分（低价优先法）`,
      minSuppliers: '有效供应商',
      minSuppliersValue: (n) => `不少于 ${n} 家`,
      biddingDeadline: '响应文件递交截止',
      quotationDeadline: '最后报价截止',
      announcedAt: '公告发布',
    },
    description: '采购需求',
    criteria: '评分标准',
    criteriaHead: { criterion: '评分项', kind: '类别', points: '分值' },
    criterionKinds: { technical: '技术', business: '商务', price: '价格' },
    priceCriterion: '价格分（以最低有效最后报价为基准价）',
    parts: '响应文件组成',
    partsLead: '缺少任何一项的响应文件为无效响应。',
    howToBid: '如何参加',
    howToBidBody:
      '依法登记的社会组织（持登记证书编号）可由负责人登录后，以所在组织的名义递交一份响应文件，报价不得高于最高限价。响应文件在递交截止前密封，任何人都不能查看。',
    terminated: (reason) => `本项目已终止。理由：${reason}`,
    resultLink: '查看成交结果公告',
    announcementLink: '查看采购公告',
    awarded: '成交供应商',
    awardedValue: (supplier, amount) => `${supplier}，成交金额 ${amount}`,
    awardedAt: '确定成交',
    panel: '磋商小组成员',
    resultHead: {
      rank: '排名',
      supplier: '供应商',
      quotation: '最后报价',
      price: '价格分',
      technical: '技术商务分',
      total: '综合得分',
      outcome: '结果',
    },
    outcomes: {
      awarded: '成交',
      candidate: '成交候选人',
      notResponsive: (reasons) => `无效响应：${reasons}`,
    },
    resultLead: '每家递交响应文件的供应商的最后报价、得分和排名；未参与评分的写明原因。',
    rules:
      '价格分 = 基准价 ÷ 最后报价 × 价格权重 × 100，四舍五入到 0.01 分；技术商务分为磋商小组成员评分的平均值；综合得分为两者之和。按综合得分排序，得分相同的报价低者优先，再相同的技术商务分高者优先。',
    verifyLink: '核验成交通知书或结果通知书',
  },
  en: {
    announcement: 'Procurement announcement',
    result: 'Result announcement',
    phase: 'Phase',
    facts: {
      office: 'Purchaser',
      method: 'Method',
      methodValue: 'Competitive consultation',
      kind: 'Kind',
      kinds: { services: 'Services', goods: 'Goods' },
      ceiling: 'Ceiling price',
      scoring: 'Evaluation',
      scoringValue: (price) => `Comprehensive scoring; price ${price} points (lowest price gets full marks)`,
      minSuppliers: 'Responsive suppliers',
      minSuppliersValue: (n) => `At least ${n}`,
      biddingDeadline: 'Bids due',
      quotationDeadline: 'Final quotations due',
      announcedAt: 'Announced',
    },
    description: 'What is bought',
    criteria: 'Scoring criteria',
    criteriaHead: { criterion: 'Criterion', kind: 'Kind', points: 'Points' },
    criterionKinds: { technical: 'Technical', business: 'Business', price: 'Price' },
    priceCriterion: 'Price (the lowest responsive final quotation is the benchmark)',
    parts: 'What a bid contains',
    partsLead: 'A bid missing any of these is not responsive.',
    howToBid: 'How to take part',
    howToBidBody:
      'A registered social organisation (with its certificate number) bids once, in its own name, through its leader’s account, at most at the ceiling price. Bids stay sealed until the deadline: nobody can read one before.',
    terminated: (reason) => `This procurement was terminated. Reason: ${reason}`,
    resultLink: 'See the result announcement',
    announcementLink: 'See the procurement announcement',
    awarded: 'Awarded to',
    awardedValue: (supplier, amount) => `${supplier}, for ${amount}`,
    awardedAt: 'Awarded on',
    panel: 'Panel members',
    resultHead: {
      rank: 'Rank',
      supplier: 'Supplier',
      quotation: 'Final quotation',
      price: 'Price score',
      technical: 'Technical score',
      total: 'Total',
      outcome: 'Outcome',
    },
    outcomes: {
      awarded: 'Awarded',
      candidate: 'Candidate',
      notResponsive: (reasons) => `Not responsive: ${reasons}`,
    },
    resultLead:
      'Every supplier that bid, with its final quotation, scores and rank; a bid that was not scored says why.',
    rules:
      'Price score = benchmark ÷ final quotation × price weight × 100, rounded half up to 0.01; the technical score is the mean of the panel members’ sheets; the total is their sum. Ranked by total, then the lower quotation, then the higher technical score.',
    verifyLink: 'Verify a deal or result notice',
  },
};

/** Verifying a deal or result notice by its number and code. */
export interface ProcurementVerifyText extends VerifyPageText {
  facts: {
    kind: string;
    deal: string;
    result: string;
    supplier: string;
    procurement: string;
    amount: string;
  };
}

export const procurementVerifyTexts: Texts<ProcurementVerifyText> = {
  'zh-CN': {
    title: '核验成交通知书',
    lead: '输入成交通知书或成交结果通知书上的文号和验证码，查看它是否由街道发出，以及它的内容。',
    numberHint: (example) => `例如：${example}`,
    facts: {
      kind: '通知书',
      deal: '成交通知书',
      result: '成交结果通知书',
      supplier: '供应商',
      procurement: '采购项目',
      amount: '成交金额',
    },
  },
  en: {
    title: 'Verify a deal notice',
    lead: 'Type the number and verification code printed on a deal notice or result notice to see whether the street office issued it, and what it says.',
    numberHint: (example) => `For example: ${example}`,
    facts: {
      kind: 'Notice',
      deal: 'Deal notice',
      result: 'Notice of the procurement result',
      supplier: 'Supplier',
      procurement: 'Procurement',
      amount: 'Contract amount',
    },
  },
};
