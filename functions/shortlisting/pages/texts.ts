import type { Texts } from '../../ui/texts.ts';

export interface ObjectionText {
  title: string;
  lead: (until: string) => string;
  about: string;
  aboutWhole: string;
  text: string;
  textHint: string;
  send: string;
  filed: string;
  back: string;
  mine: string;
  filedAt: string;
  answer: string;
  awaiting: string;
  notYet: string;
}

export const objectionTexts: Texts<ObjectionText> = {
  'zh-CN': {
    title: '对公示结果提出异议',
    lead: (until) => `公示期至 ${until}。异议和街道的答复会记录在案；你的姓名不会公开。`,
    about: '针对哪个项目',
    aboutWhole: '针对整个入围名单',
    text: '异议内容',
    textHint: '写明事实和理由，最多 2000 字',
    send: '提交异议',
    filed: '异议已提交，街道将在公示期结束前答复。',
    back: '回到大赛页面',
    mine: '我提出的异议',
    filedAt: '提出时间',
    answer: '街道答复',
    awaiting: '等待街道答复。',
    notYet: '这个大赛的入围名单还没有公示。公示开始后，公示期内可以在这里提出异议。',
  },
  en: {
    title: 'Object to the shortlist',
    lead: (until) =>
      `Publicity runs until ${until}. Objections and the office's answers are on the record; your name is not published.`,
    about: 'About which project',
    aboutWhole: 'The shortlist as a whole',
    text: 'Your objection',
    textHint: 'The facts and your reasons, up to 2,000 characters',
    send: 'File the objection',
    filed: 'Your objection is filed; the office answers before publicity ends.',
    back: 'Back to the contest',
    mine: 'My objections',
    filedAt: 'Filed',
    answer: 'The office’s answer',
    awaiting: 'Waiting for the office’s answer.',
    notYet:
      'The shortlist of this contest is not public yet. Once publicity starts, objections can be filed here until it ends.',
  },
};
