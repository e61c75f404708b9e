import type { Texts } from '../../ui/texts.ts';
import type { VerifyPageText } from '../../ui/verify.tsx';

export interface VerifyText extends VerifyPageText {
  facts: {
    kind: string;
    selected: string;
    notSelected: string;
    project: string;
    contest: string;
    amount: string;
    digest: string;
  };
  digestHint: string;
}

export const verifyTexts: Texts<VerifyText> = {
  'zh-CN': {
    title: '核验通知书',
    lead: '输入通知书上的文号和验证码，查看这份通知书是否由街道发出，以及它的内容。',
    numberHint: (example) => `例如：${example}`,
    facts: {
      kind: '结果',
      selected: '立项',
      notSelected: '未入围',
      project: '项目',
      contest: '大赛',
      amount: '核定资助金额',
      digest: '服务包摘要（SHA-256）',
    },
    digestHint: '与大赛页面公布的锁定服务包摘要一致，即说明通知书依据的是公开的服务包。',
  },
  en: {
    title: 'Verify a notice',
    lead: 'Type the number and verification code printed on a notice to see whether the street office issued it, and what it says.',
    numberHint: (example) => `For example: ${example}`,
    facts: {
      kind: 'Result',
      selected: 'Funded',
      notSelected: 'Not selected',
      project: 'Project',
      contest: 'Contest',
      amount: 'Approved amount',
      digest: 'Bundle digest (SHA-256)',
    },
    digestHint:
      "If it equals the locked bundle's digest on the contest page, the notice rests on the published bundle.",
  },
};

export interface NoticesText {
  title: string;
  none: string;
  print: string;
  selected: string;
  notSelected: string;
  issued: string;
  procurements: string;
  deal: string;
  result: string;
}

export const noticesTexts: Texts<NoticesText> = {
  'zh-CN': {
    title: '我的通知书',
    none: '还没有收到通知书。评审结果公示并锁定后，街道会发出通知书。',
    print: '查看和打印',
    selected: '立项',
    notSelected: '未入围',
    issued: '发出日期',
    procurements: '专项购买（竞争性磋商）',
    deal: '成交通知书',
    result: '结果通知书',
  },
  en: {
    title: 'My notices',
    none: 'No notices yet. The office issues them once the shortlist is published and locked.',
    print: 'View and print',
    selected: 'Funded',
    notSelected: 'Not selected',
    issued: 'Issued on',
    procurements: 'Special purchases (competitive consultation)',
    deal: 'Deal notice',
    result: 'Result notice',
  },
};

/** The printed notice (通知书): the words of an official document, in the reader's language. */
export interface PrintText {
  title: { selected: string; notSelected: string };
  /** The team's name is unknown on old bundles: the project's title names the addressee. */
  unknownTeam: (title: string) => string;
  selected: (title: string, contest: string) => string;
  amount: (figures: string, capital: string) => string;
  trimmed: (requested: string, reason: string) => string;
  carryOut: string;
  took: (title: string, contest: string) => string;
  scored: (score: string, rank: number) => string;
  notSelected: (reason: string) => string;
  thanks: string;
  digest: string;
}

export const printTexts: Texts<PrintText> = {
  'zh-CN': {
    title: { selected: '立项通知书', notSelected: '评审结果通知书' },
    unknownTeam: (title) => `“${title}”申报团队`,
    selected: (title, contest) =>
      `经评审、公示，你团队申报的“${title}”项目已列入${contest}服务包，予以立项。`,
    amount: (figures, capital) => `核定资助金额人民币${capital}（${figures}）。`,
    trimmed: (requested, reason) => `你团队的申报金额为${requested}，核定金额有所调整，理由：${reason}。`,
    carryOut: '请按申报方案组织实施，资金按服务包购买协议分期拨付，并接受街道的过程监督与绩效评估。',
    took: (title, contest) => `你团队申报的“${title}”项目参加了${contest}。`,
    scored: (score, rank) => `评审得分 ${score} 分，排名第 ${rank} 位。`,
    notSelected: (reason) => `${reason}，本次未能入围。`,
    thanks: '感谢你团队的参与，欢迎继续完善方案、参加下一届大赛。',
    digest: '服务包摘要（SHA-256）',
  },
  en: {
    title: { selected: 'Award notice', notSelected: 'Notice of the review result' },
    unknownTeam: (title) => `the team of “${title}”`,
    selected: (title, contest) =>
      `After review and public notice, your team's project “${title}” is included in the service bundle of ${contest} and is approved.`,
    amount: (figures, capital) => `The approved funding is ${figures} (in words: ${capital}).`,
    trimmed: (requested, reason) =>
      `Your team requested ${requested}; the approved amount differs because: ${reason}.`,
    carryOut:
      'Please carry out the project as proposed. The funds are paid in instalments under the bundle’s purchase agreement, and the street office follows the work and evaluates its results.',
    took: (title, contest) => `Your team's project “${title}” took part in ${contest}.`,
    scored: (score, rank) => `It scored ${score} points and ranked ${rank}.`,
    notSelected: (reason) => `${reason}; it was not selected this time.`,
    thanks: 'Thank you for taking part. You are welcome to improve the proposal and enter the next contest.',
    digest: 'Bundle digest (SHA-256)',
  },
};
