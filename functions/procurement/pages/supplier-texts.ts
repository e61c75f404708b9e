import type { Texts } from '../../ui/texts.ts';

export interface SupplierText {
  list: string;
  listLead: string;
  noProcurements: string;
  head: { title: string; office: string; phase: string; ceiling: string; deadline: string };
  onlyRegistered: string;
  registerTeam: string;
  description: string;
  publicPage: string;
  resultPage: string;
  documents: string;
  ceiling: string;
  priceWeight: string;
  criteria: string;
  requiredParts: string;
  biddingDeadline: string;
  finalQuotationDeadline: string;
  myBids: string;
  noBid: string;
  bidOf: (team: string) => string;
  /** The link to the supplier's printable notice: its kind and number. */
  noticeLink: (kind: 'deal' | 'result', number: string) => string;
  price: string;
  sentAt: string;
  finalQuotation: string;
  noQuotation: string;
  /** No final quotation, and none can come now: the window closed, the bid is out (Art. 21). */
  noQuotationClosed: string;
  sealedNote: string;
  bidForm: string;
  bidLead: string;
  team: string;
  priceHint: (ceiling: string) => string;
  part: (name: string) => string;
  sendBid: string;
  amendedAt: string;
  amendForm: string;
  amendLead: string;
  sendAmend: string;
  withdraw: string;
  withdrawLead: string;
  confirmWithdraw: string;
  quoteForm: string;
  quoteLead: string;
  quotation: string;
  sendQuote: string;
  /** The confirmation before the one final quotation: nothing can change it once given. */
  confirmQuoteLead: string;
  inCapitals: string;
  confirmQuote: string;
  notAmount: string;
  notResponsive: (reasons: string) => string;
  biddingClosed: string;
  done: { bid: string; quote: string; amend: string; withdraw: string };
}

const zhCN: SupplierText = {
  list: '服务采购',
  listLead:
    '街道向依法登记的社会组织购买服务。以您登记的社会组织递交一份密封的响应文件，磋商后提交一次最后报价。',
  noProcurements: '目前没有公告中的采购项目。',
  head: { title: '项目', office: '街道', phase: '阶段', ceiling: '最高限价', deadline: '截止时间' },
  onlyRegistered:
    '只有依法登记的社会组织（有登记证书编号）的响应文件有效。请在“我的团队”中登记组织类型和登记证书编号。',
  registerTeam: '登记社会组织',
  description: '采购需求',
  publicPage: '采购公告',
  resultPage: '成交结果公告',
  documents: '磋商文件',
  ceiling: '最高限价',
  priceWeight: '价格分',
  criteria: '评分项',
  requiredParts: '响应文件须包含',
  biddingDeadline: '响应文件递交截止',
  finalQuotationDeadline: '最后报价截止',
  myBids: '我的响应文件',
  noBid: '还没有递交响应文件。',
  bidOf: (team) => `${team} 的响应文件`,
  noticeLink: (kind, number) =>
    `${kind === 'deal' ? '成交通知书' : '结果通知书'} ${number}（查看、打印和核验码）`,
  price: '报价',
  sentAt: '递交时间',
  finalQuotation: '最后报价',
  noQuotation: '尚未提交',
  noQuotationClosed: '未提交；最后报价已截止，视为退出',
  sealedNote: '响应文件在递交截止前密封，街道工作人员和磋商小组都看不到。',
  bidForm: '递交响应文件',
  bidLead: '每家供应商递交一份；截止前可以修改或撤回。',
  team: '以哪个组织的名义',
  priceHint: (ceiling) => `不得高于最高限价 ${ceiling}`,
  part: (name) => name,
  sendBid: '递交响应文件',
  amendedAt: '最后修改',
  amendForm: '补充、修改响应文件',
  amendLead: '递交截止前可以补充、修改响应文件，以修改后的内容为准，仍然密封（财库〔2014〕214号第十三条）。',
  sendAmend: '保存修改',
  withdraw: '撤回响应文件',
  withdrawLead: '撤回后，截止前仍可以重新递交。',
  confirmWithdraw: '确认撤回',
  quoteForm: '提交最后报价',
  quoteLead: '只能提交一次，不得高于最高限价；不提交视为退出。',
  quotation: '最后报价',
  sendQuote: '提交最后报价',
  confirmQuoteLead: '最后报价只能提交一次，提交后不能修改或撤回。请核对金额。',
  inCapitals: '金额大写',
  confirmQuote: '确认提交最后报价',
  notAmount: '请填写金额（元），最多两位小数，例如 146,800',
  notResponsive: (reasons) => `响应文件无效：${reasons}`,
  biddingClosed: '响应文件递交已截止。',
  done: {
    bid: '响应文件已递交并密封。',
    quote: '最后报价已提交。',
    amend: '响应文件已修改，仍然密封。',
    withdraw: '响应文件已撤回。',
  },
};

const en: SupplierText = {
  list: 'Service purchases',
  listLead:
    'The street offices buy services from registered organisations. Send one sealed bid as your registered organisation, then one final quotation after the consultation.',
  noProcurements: 'No procurement is announced at the moment.',
  head: {
    title: 'Procurement',
    office: 'Office',
    phase: 'Phase',
    ceiling: 'Ceiling price',
    deadline: 'Next deadline',
  },
  onlyRegistered:
    'Only a registered organisation (with its certificate number) can bid. Register your organisation and its certificate number under My teams.',
  registerTeam: 'Register an organisation',
  description: 'What is to be bought',
  publicPage: 'Public announcement',
  resultPage: 'Result announcement',
  documents: 'Consultation documents',
  ceiling: 'Ceiling price',
  priceWeight: 'Price points',
  criteria: 'Criteria',
  requiredParts: 'A bid contains',
  biddingDeadline: 'Bids due',
  finalQuotationDeadline: 'Final quotations due',
  myBids: 'My bids',
  noBid: 'No bid sent yet.',
  bidOf: (team) => `Bid of ${team}`,
  noticeLink: (kind, number) =>
    `${kind === 'deal' ? 'Deal notice' : 'Result notice'} ${number} (view, print and verification code)`,
  price: 'Price',
  sentAt: 'Sent',
  finalQuotation: 'Final quotation',
  noQuotation: 'Not given yet',
  noQuotationClosed: 'None given; final quotations have closed, so the bid is out',
  sealedNote: 'Bids stay sealed until the deadline: neither the office nor the panel can read them.',
  bidForm: 'Send the bid',
  bidLead: 'Each supplier sends one bid; it can be changed or withdrawn until the deadline.',
  team: 'On behalf of',
  priceHint: (ceiling) => `Not above the ceiling price of ${ceiling}`,
  part: (name) => name,
  sendBid: 'Send the bid',
  amendedAt: 'Last changed',
  amendForm: 'Supplement or change the bid',
  amendLead:
    'Until the deadline the bid can be supplemented or changed; the change prevails, and it stays sealed (财库〔2014〕214号 Art. 13).',
  sendAmend: 'Save the change',
  withdraw: 'Withdraw the bid',
  withdrawLead: 'Once withdrawn, a bid can be sent again until the deadline.',
  confirmWithdraw: 'Yes, withdraw',
  quoteForm: 'Give the final quotation',
  quoteLead: 'Given once, never above the ceiling; giving none withdraws the bid.',
  quotation: 'Final quotation',
  sendQuote: 'Give the final quotation',
  confirmQuoteLead: 'The final quotation is given once; it cannot be changed or withdrawn. Check the amount.',
  inCapitals: 'In Chinese capitals',
  confirmQuote: 'Yes, give this final quotation',
  notAmount: 'Enter an amount in yuan with at most two decimals, e.g. 146,800',
  notResponsive: (reasons) => `The bid is not responsive: ${reasons}`,
  biddingClosed: 'Bidding has closed.',
  done: {
    bid: 'Your bid is sent and sealed.',
    quote: 'Your final quotation is sent.',
    amend: 'Your bid is changed and still sealed.',
    withdraw: 'Your bid is withdrawn.',
  },
};

export const supplierTexts: Texts<SupplierText> = { 'zh-CN': zhCN, en };
