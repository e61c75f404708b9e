import { BatchGetCommand, BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ensureTable, LOCAL_CREDENTIALS, startDynamoDbLocal } from '../infra/local/engine.ts';
import { AdjustableClock } from '../shared/clock.ts';
import { CONTEST_DEFAULTS, type Contest } from '../shared/contest/model.ts';
import { contestItem } from '../shared/contest/store.ts';
import { CursorCodec } from '../shared/cursor.ts';
import { createDb, type Db } from '../shared/db.ts';
import { keys } from '../shared/keys.ts';
import type { Proposal } from '../shared/proposal/model.ts';
import { proposalItem } from '../shared/proposal/store.ts';
import { ranking } from '../shared/review/actions.ts';
import { panelJudgeItem, sheetItem } from '../shared/review/store.ts';
import { rankProposals, sheetTotal } from '../shared/scoring.ts';
import { counter } from '../test/support/request-counter.ts';

const PROPOSALS = 1_000;
const JUDGES = 7;

async function writeAll(db: Db, items: Record<string, unknown>[]) {
  const chunks: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 25) chunks.push(items.slice(i, i + 25));
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) {
      const chunk = chunks[next++]!;
      let request: Record<string, { PutRequest: { Item: Record<string, unknown> } }[]> | undefined = {
        [db.tableName]: chunk.map((Item) => ({ PutRequest: { Item } })),
      };
      while (request && Object.keys(request).length > 0) {
        const out = await db.doc.send(new BatchWriteCommand({ RequestItems: request }));
        request = out.UnprocessedItems as typeof request;
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

function seedItems(now: Date) {
  const at = now.toISOString();
  const contest: Contest = {
    ...CONTEST_DEFAULTS,
    aggregation: 'trimmed-mean',
    minJudges: 5,
    id: 'bench-contest',
    officeId: 'bench',
    officeName: '基准测试街道',
    title: '基准测试大赛',
    callText: '…',
    budgetFen: 17_500_000,
    capFen: 1_500_000,
    categories: [{ code: 'youth', name: '青少年' }],
    communities: [{ code: 'xitun', name: '西屯' }],
    noticePrefix: '基准',
    submissionDeadline: at,
    reviewDeadline: at,
    status: 'review',
    version: 3,
    createdAt: at,
    updatedAt: at,
    createdBy: 'bench-officer',
    openedAt: at,
    closedAt: at,
  };
  const proposals: Proposal[] = Array.from({ length: PROPOSALS }, (_, i) => ({
    id: `P${String(i).padStart(5, '0')}`,
    contestId: contest.id,
    officeId: 'bench',
    teamId: `T${i}`,
    ownerSub: `resident-${i}`,
    status: 'submitted',
    title: `项目 ${i}`,
    category: 'youth',
    community: 'xitun',
    requestedFen: 500_000 + (i % 50) * 10_000,
    contestDeadline: at,
    version: 3,
    createdAt: at,
    updatedAt: at,
    submittedAt: at,
    eligibility: { eligible: true, by: 'bench-officer', at },
  }));
  const judges = Array.from({ length: JUDGES }, (_, j) => `judge-${j}`);
  const sheets = proposals.flatMap((p, i) =>
    judges.map((judgeId, j) => {
      const scores = {
        'need-fit': 50 * ((i * 7 + j * 3) % 51),
        feasibility: 50 * ((i * 5 + j) % 51),
        'team-capacity': 50 * ((i + j) % 31),
        budget: 50 * ((i * 3 + j * 2) % 31),
        participation: 50 * ((i * 11 + j) % 41),
      };
      return sheetItem({
        contestId: contest.id,
        proposalId: p.id,
        judgeId,
        status: 'submitted',
        scores,
        comments: {},
        total: sheetTotal(scores),
        version: 2,
        createdAt: at,
        updatedAt: at,
        submittedAt: at,
        reopenings: [],
      });
    }),
  );
  return {
    contest,
    proposals,
    judges,
    items: [
      contestItem(contest),
      ...proposals.map(proposalItem),
      ...judges.map((judgeId) =>
        panelJudgeItem({ contestId: contest.id, judgeId, name: judgeId, addedAt: at, addedBy: 'bench' }),
      ),
      ...sheets,
    ],
  };
}

/** The naive way: one batch read of a proposal's sheets per proposal. */
async function rankReadingPerProposal(
  db: Db,
  contestId: string,
  proposals: Proposal[],
  judges: string[],
  contest: Contest,
) {
  const sheets = [];
  for (const p of proposals) {
    const out = await db.doc.send(
      new BatchGetCommand({
        RequestItems: { [db.tableName]: { Keys: judges.map((j) => keys.sheet(contestId, p.id, j)) } },
      }),
    );
    sheets.push(...(out.Responses?.[db.tableName] ?? []));
  }
  return rankProposals(
    contest,
    proposals.map((p) => ({ id: p.id, requestedFen: p.requestedFen ?? 0, submittedAt: p.submittedAt ?? '' })),
    sheets.map((s) => ({
      proposalId: String(s.proposalId),
      judgeId: String(s.judgeId),
      scores: s.scores as Record<string, number>,
      total: Number(s.total),
    })),
  );
}

export async function benchRanking() {
  const engine = await startDynamoDbLocal();
  try {
    const tableName = 'bench-ranking';
    await ensureTable(engine.endpoint, tableName);
    const requests = counter();
    const db = createDb({
      tableName,
      region: 'local',
      endpoint: engine.endpoint,
      credentials: LOCAL_CREDENTIALS,
      instrument: requests.instrument,
    });
    const clock = new AdjustableClock();
    const seeded = seedItems(clock.now());
    await writeAll(db, seeded.items);
    const deps = {
      db,
      clock,
      cursors: new CursorCodec('bench-server-secret-0000'),
      secret: 'bench-server-secret-0000',
    };
    const officer = { sub: 'bench-officer', name: 'bench', roles: ['officer' as const], officeId: 'bench' };

    await ranking(deps, officer, seeded.contest.id); // warm-up: JIT, connections
    const runs = 5;
    requests.reset();
    let started = performance.now();
    let result: Awaited<ReturnType<typeof ranking>> | undefined;
    for (let i = 0; i < runs; i++) result = await ranking(deps, officer, seeded.contest.id);
    const partitionMs = (performance.now() - started) / runs;
    const partitionRequests = requests.total() / runs;
    const queryPages = (requests.counts.get('QueryCommand') ?? 0) / runs;

    requests.reset();
    started = performance.now();
    const naive = await rankReadingPerProposal(
      db,
      seeded.contest.id,
      seeded.proposals,
      seeded.judges,
      seeded.contest,
    );
    const naiveMs = performance.now() - started;
    const naiveRequests = requests.total();

    const sameOrder =
      JSON.stringify(result!.items.map((i) => i.proposalId)) ===
      JSON.stringify(naive.map((i) => i.proposalId));
    return {
      name: `ranking ${PROPOSALS} proposals × ${JUDGES} judges (DynamoDB Local)`,
      lines: [
        `one partition Query (product): ${partitionMs.toFixed(0)} ms, ${partitionRequests} requests (${queryPages} Query pages, 0 per-proposal reads)`,
        `a read per proposal (naive):   ${naiveMs.toFixed(0)} ms, ${naiveRequests} requests`,
        `ratio: naive / product = ${(naiveMs / partitionMs).toFixed(1)}× time, ${(naiveRequests / partitionRequests).toFixed(0)}× requests; same ranking: ${sameOrder}`,
      ],
    };
  } finally {
    await engine.stop();
  }
}
