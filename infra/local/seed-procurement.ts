import type { Principal } from '../../shared/auth.ts';
import type { Deps } from '../../shared/deps.ts';
import { idempotentId } from '../../shared/ids.ts';
import {
  announceProcurement,
  createProcurement,
  openBidding,
  submitBid,
} from '../../shared/procurement/actions.ts';
import { getBid, getProcurement } from '../../shared/procurement/store.ts';
import type { DevUser } from './dev-auth.ts';

/*
 * The demo's special purchase (专项购买), as the story's: home elderly care, 150,000 yuan, bought
 * by competitive consultation from registered organisations (docs/procurement.md works the same
 * purchase through). Seeded in bidding with three organisations' sealed bids; the demo clock
 * (/dev/clock) moves past the deadlines. Idempotent, like the rest of the seed.
 */

const DAY_MS = 24 * 3600 * 1000;

const PARTS = [
  { code: 'service-plan', name: '服务方案' },
  { code: 'staffing', name: '人员名单与资质' },
  { code: 'qualification', name: '登记证书与资格证明' },
];

function setup(now: Date, panel: readonly DevUser[]) {
  return {
    title: '西屯街道居家养老服务项目',
    description:
      '为辖区内符合条件的老人（首批 62 人）提供居家养老服务：每人每月 200 元，从 6 类 47 项服务中选择，' +
      '服务期一年。竞争性磋商，综合评分法，价格分 20 分（低价优先法）。',
    kind: 'services' as const,
    governmentPurchasedService: true,
    ceilingFen: 15_000_000,
    priceWeightBp: 2000,
    criteria: [
      { code: 'service-plan', name: '服务方案', kind: 'technical' as const, maxPoints: 3000 },
      { code: 'service-items', name: '服务项目覆盖', kind: 'technical' as const, maxPoints: 1500 },
      { code: 'staffing', name: '人员配置', kind: 'technical' as const, maxPoints: 1500 },
      { code: 'experience', name: '类似项目业绩', kind: 'business' as const, maxPoints: 1000 },
      { code: 'management', name: '管理制度与质量保障', kind: 'business' as const, maxPoints: 1000 },
    ],
    requiredParts: PARTS,
    minResponsive: 3 as const,
    panel: panel.map((judge) => ({ judgeId: judge.sub, name: judge.name })),
    noticePrefix: '西屯采购',
    biddingDeadline: new Date(now.getTime() + 12 * DAY_MS).toISOString(),
    finalQuotationDeadline: new Date(now.getTime() + 20 * DAY_MS).toISOString(),
  };
}

/** The elderly-care procurement, announced and in bidding with the bidders' sealed bids; its id. */
export async function seedProcurement(
  deps: Deps,
  officer: Principal,
  officeId: string,
  panel: readonly DevUser[],
  bidders: readonly { owner: Principal; teamId: string; priceFen: number }[],
): Promise<string> {
  const key = 'demo-procurement-elderly-care';
  const id = idempotentId('procurement', officer.sub, key);
  if (!(await getProcurement(deps.db, id))) {
    await createProcurement(deps, officer, officeId, setup(deps.clock.now(), panel), key);
  }
  if ((await getProcurement(deps.db, id))?.status === 'draft') await announceProcurement(deps, officer, id);
  if ((await getProcurement(deps.db, id))?.status === 'announced') await openBidding(deps, officer, id);
  const procurement = await getProcurement(deps.db, id);
  const open =
    procurement?.status === 'bidding' && deps.clock.now().toISOString() < procurement.biddingDeadline;
  for (const bidder of open ? bidders : []) {
    if (await getBid(deps.db, id, bidder.teamId)) continue;
    await submitBid(deps, bidder.owner, id, {
      teamId: bidder.teamId,
      priceFen: bidder.priceFen,
      parts: Object.fromEntries(PARTS.map((part) => [part.code, `${part.name}（演示内容）`])),
    });
  }
  return id;
}
