import type { Texts } from '../../ui/texts.ts';

export interface VerifyText {
  title: string;
  lead: string;
  number: string;
  numberHint: string;
  code: string;
  codeHint: string;
  check: string;
  valid: string;
  invalid: string;
  facts: {
    kind: string;
    selected: string;
    notSelected: string;
    project: string;
    contest: string;
    office: string;
    amount: string;
    issued: string;
    digest: string;
  };
  digestHint: string;
}

export const verifyTexts: Texts<VerifyText> = {
  'zh-CN': {
    title: '核验通知书',
    lead: '输入通知书上的文号和验证码，查看这份通知书是否由街道发出，以及它的内容。',
    number: '文号',
    numberHint: '例如：西屯微创〔2026〕1号',
    code: '验证码',
    codeHint: '通知书底部的 10 位字符，大小写和空格不限',
    check: '核验',
    valid: '这份通知书真实有效。',
    invalid: '没有找到与这个文号和验证码相符的通知书。请核对后重试。',
    facts: {
      kind: '结果',
      selected: '立项',
      notSelected: '未入围',
      project: '项目',
      contest: '大赛',
      office: '发文单位',
      amount: '核定资助金额',
      issued: '发出日期',
      digest: '服务包摘要（SHA-256）',
    },
    digestHint: '与大赛页面公布的锁定服务包摘要一致，即说明通知书依据的是公开的服务包。',
  },
  en: {
    title: 'Verify a notice',
    lead: 'Type the number and verification code printed on a notice to see whether the street office issued it, and what it says.',
    number: 'Notice number',
    numberHint: 'For example: 西屯微创〔2026〕1号',
    code: 'Verification code',
    codeHint: 'The 10 characters at the foot of the notice; case and spaces do not matter',
    check: 'Verify',
    valid: 'This notice is genuine.',
    invalid: 'No notice matches this number and code. Check them and try again.',
    facts: {
      kind: 'Result',
      selected: 'Funded',
      notSelected: 'Not selected',
      project: 'Project',
      contest: 'Contest',
      office: 'Issued by',
      amount: 'Approved amount',
      issued: 'Issued on',
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
}

export const noticesTexts: Texts<NoticesText> = {
  'zh-CN': {
    title: '我的通知书',
    none: '还没有收到通知书。评审结果公示并锁定后，街道会发出通知书。',
    print: '查看和打印',
    selected: '立项',
    notSelected: '未入围',
    issued: '发出日期',
  },
  en: {
    title: 'My notices',
    none: 'No notices yet. The office issues them once the shortlist is published and locked.',
    print: 'View and print',
    selected: 'Funded',
    notSelected: 'Not selected',
    issued: 'Issued on',
  },
};
