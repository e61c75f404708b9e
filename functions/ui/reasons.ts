import type { Contest } from '../../shared/contest/model.ts';
import type { Locale } from '../../shared/i18n.ts';
import { points, yuan } from './format.ts';

/** Names for codes the person never sees: categories, communities and proposal titles by code/id. */
export interface Names {
  category(code: string): string;
  community(code: string): string;
  proposal(id: string): string;
}

/** Names for the codes a bundle carries: the contest's categories and communities, the lines' titles. */
export function namesOf(contest: Contest, lines: { proposalId: string; title: string }[]): Names {
  const find = (list: { code: string; name: string }[], code: string) =>
    list.find((entry) => entry.code === code)?.name ?? code;
  return {
    category: (code) => find(contest.categories, code),
    community: (code) => find(contest.communities, code),
    proposal: (id) => lines.find((line) => line.proposalId === id)?.title ?? '—',
  };
}

type Reason = { code: string } & Record<string, unknown>;
const n = (value: unknown) => Number(value);
const s = (value: unknown) => String(value ?? '');

const REASONS: Record<Locale, Record<string, (r: Reason, names: Names) => string>> = {
  'zh-CN': {
    selected: () => '按规则入选',
    'selected-partial': (r) => `以最低可执行金额 ${yuan(n(r.amountFen))} 入选`,
    'manual-add': (r) => `街道研究决定增补：${s(r.reason)}`,
    'manual-drop': (r) => `街道研究决定不予入围：${s(r.reason)}`,
    'below-min-score': (r) => `得分低于入围最低分 ${points(n(r.minScore))} 分`,
    budget: (r) => `轮到本项目时剩余预算 ${yuan(n(r.leftFen))}，不足以支持`,
    'rank-strict-stopped': (r, names) =>
      `按排名顺序在“${names.proposal(s(r.atProposalId))}”处预算不足后停止入围（剩余 ${yuan(n(r.leftFen))}）`,
    'category-max': (r, names) => `类别“${names.category(s(r.category))}”入围数量已达上限 ${n(r.max)} 个`,
    'community-share': (r, names) =>
      `社区“${names.community(s(r.community))}”入围金额已达上限 ${yuan(n(r.capFen))}`,
    incompatible: (r, names) => `与排名更高的“${names.proposal(s(r.withProposalId))}”互斥`,
    'not-in-optimum': (r) => `按总分最高原则组合时未入选（服务包剩余 ${yuan(n(r.leftFen))}）`,
    'not-enough-reviews': () => '有效评审份数不足',
    ineligible: (r) => `资格审查未通过${r.reason ? `：${s(r.reason)}` : ''}`,
  },
  en: {
    selected: () => 'Selected by the rules',
    'selected-partial': (r) => `Selected at its minimum viable amount, ${yuan(n(r.amountFen))}`,
    'manual-add': (r) => `Added by the street office: ${s(r.reason)}`,
    'manual-drop': (r) => `Dropped by the street office: ${s(r.reason)}`,
    'below-min-score': (r) => `Scored below the minimum of ${points(n(r.minScore))} points`,
    budget: (r) => `Only ${yuan(n(r.leftFen))} of the budget was left when its turn came`,
    'rank-strict-stopped': (r, names) =>
      `Rank order stopped at “${names.proposal(s(r.atProposalId))}”, which did not fit (${yuan(n(r.leftFen))} left)`,
    'category-max': (r, names) =>
      `Category “${names.category(s(r.category))}” already has its maximum of ${n(r.max)}`,
    'community-share': (r, names) =>
      `Community “${names.community(s(r.community))}” already reached its cap of ${yuan(n(r.capFen))}`,
    incompatible: (r, names) =>
      `Incompatible with the higher-ranked “${names.proposal(s(r.withProposalId))}”`,
    'not-in-optimum': (r) => `Not in the highest-scoring bundle (${yuan(n(r.leftFen))} left)`,
    'not-enough-reviews': () => 'Not enough reviews were counted',
    ineligible: (r) => `Ineligible${r.reason ? `: ${s(r.reason)}` : ''}`,
  },
};

/** Why a proposal is in or out of the bundle, in words (never the reason's code). */
export function reasonText(reason: Reason, locale: Locale, names: Names): string {
  return REASONS[locale][reason.code]?.(reason, names) ?? '—';
}
