import type { Texts } from '../../ui/texts.ts';

/** The printed deal notice (成交通知书) and result notice: the words of an official document. */
export interface ProcurementPrintText {
  title: { deal: string; result: string };
  deal: (procurement: string) => string;
  amount: (figures: string, capital: string) => string;
  contract: string;
  took: (procurement: string) => string;
  scored: (quotation: string, total: string, rank: number) => string;
  notScored: (reasons: string) => string;
  thanks: string;
}

export const procurementPrintTexts: Texts<ProcurementPrintText> = {
  'zh-CN': {
    title: { deal: '成交通知书', result: '成交结果通知书' },
    deal: (procurement) => `经竞争性磋商、综合评分，贵单位被确定为“${procurement}”的成交供应商。`,
    amount: (figures, capital) => `成交金额人民币${capital}（${figures}）。`,
    contract: '请自本通知书发出之日起三十日内，按照磋商文件和贵单位的响应文件与我单位签订服务合同。',
    took: (procurement) => `贵单位参加了“${procurement}”的竞争性磋商。`,
    scored: (quotation, total, rank) =>
      `贵单位的最后报价为${quotation}，综合得分 ${total} 分，排名第 ${rank} 位，未被确定为成交供应商。`,
    notScored: (reasons) => `贵单位的响应文件为无效响应（${reasons}），未参加综合评分。`,
    thanks: '感谢贵单位的参与。',
  },
  en: {
    title: { deal: 'Deal notice', result: 'Notice of the procurement result' },
    deal: (procurement) =>
      `After competitive consultation and comprehensive scoring, your organisation is the supplier awarded “${procurement}”.`,
    amount: (figures, capital) => `The contract amount is ${figures} (in words: ${capital}).`,
    contract:
      'Please sign the service contract with us, on the terms of the consultation documents and your bid, within thirty days of this notice.',
    took: (procurement) =>
      `Your organisation took part in the competitive consultation for “${procurement}”.`,
    scored: (quotation, total, rank) =>
      `Your final quotation was ${quotation}; it scored ${total} points in total and ranked ${rank}, and was not awarded.`,
    notScored: (reasons) => `Your bid was not responsive (${reasons}) and was not scored.`,
    thanks: 'Thank you for taking part.',
  },
};
