/**
 * A process a review panel works in (shared/review/panel.ts): a contest, whose subjects are
 * proposals, or a procurement, whose subjects are the suppliers' bids (by team id). Its panel's
 * items live in the process's own partition.
 */
export interface ReviewProcess {
  kind: 'contest' | 'procurement';
  id: string;
}

const PROCESS_PREFIX = { contest: 'CONTEST', procurement: 'PROCUREMENT' } as const;
const processPk = (process: ReviewProcess) => `${PROCESS_PREFIX[process.kind]}#${process.id}`;

/**
 * The review panel's keys, by process and subject: the same sort keys in a contest and a
 * procurement (the contest's strings as they always were, so no stored item moved).
 */
export const reviewKeys = {
  partition: (process: ReviewProcess) => ({ pk: processPk(process) }),
  /** A member on the process's panel (a contest's; a procurement's panel is on its item). */
  panelMember: (process: ReviewProcess, judgeId: string) => ({
    pk: processPk(process),
    sk: `JUDGE#${judgeId}`,
  }),
  /** Member first in the key: a member's assignments in a process are one key range. */
  assignment: (process: ReviewProcess, subjectId: string, judgeId: string) => ({
    pk: processPk(process),
    sk: `ASSIGN#${judgeId}#${subjectId}`,
  }),
  /** A recorded conflict of a member with a subject. */
  conflict: (process: ReviewProcess, subjectId: string, judgeId: string) => ({
    pk: processPk(process),
    sk: `CONFLICT#${subjectId}#${judgeId}`,
  }),
  /**
   * One sheet per member and subject: the key itself makes a second sheet impossible. Member
   * first, so a member's sheets in a process are one key range.
   */
  sheet: (process: ReviewProcess, subjectId: string, judgeId: string) => ({
    pk: processPk(process),
    sk: `SHEET#${judgeId}#${subjectId}`,
  }),
  sheetsOfJudge: (process: ReviewProcess, judgeId: string) => ({
    pk: processPk(process),
    skPrefix: `SHEET#${judgeId}#`,
  }),
} as const;

const contestProcess = (id: string): ReviewProcess => ({ kind: 'contest', id });
const procurementProcess = (id: string): ReviewProcess => ({ kind: 'procurement', id });

/**
 * Every key the product writes is built here. A contest and everything inside it share the
 * contest's partition so one Query reads a whole contest in order.
 */
export const keys = {
  office: (officeId: string) => ({ pk: `OFFICE#${officeId}`, sk: '#OFFICE' }),

  /** One of an office's communities, by its code: the key makes a code unique in the office. */
  community: (officeId: string, code: string) => ({ pk: `OFFICE#${officeId}`, sk: `COMMUNITY#${code}` }),

  contest: (contestId: string) => ({ pk: `CONTEST#${contestId}`, sk: '#CONTEST' }),
  /** gsi1: an office's contests, newest first. */
  contestByOffice: (officeId: string, createdAt: string, contestId: string) => ({
    gsi1pk: `OFFICE#${officeId}`,
    gsi1sk: `CONTEST#${createdAt}#${contestId}`,
  }),
  /** gsi2 (sparse, written when a contest opens): every published call, by deadline. */
  publishedContest: (submissionDeadline: string, contestId: string) => ({
    gsi2pk: 'CALLS',
    gsi2sk: `${submissionDeadline}#${contestId}`,
  }),

  team: (teamId: string) => ({ pk: `TEAM#${teamId}`, sk: '#TEAM' }),
  /** gsi1: a user's teams. */
  teamByOwner: (ownerSub: string, createdAt: string, teamId: string) => ({
    gsi1pk: `USER#${ownerSub}`,
    gsi1sk: `TEAM#${createdAt}#${teamId}`,
  }),

  proposal: (contestId: string, proposalId: string) => ({
    pk: `CONTEST#${contestId}`,
    sk: `PROPOSAL#${proposalId}`,
  }),
  /** gsi1: a user's proposals across contests. */
  proposalByOwner: (ownerSub: string, createdAt: string, proposalId: string) => ({
    gsi1pk: `USER#${ownerSub}`,
    gsi1sk: `PROPOSAL#${createdAt}#${proposalId}`,
  }),
  /** gsi2 (sparse, present only while submitted): a contest's submissions in submission order. */
  submittedProposal: (contestId: string, submittedAt: string, proposalId: string) => ({
    gsi2pk: `SUBMITTED#${contestId}`,
    gsi2sk: `${submittedAt}#${proposalId}`,
  }),

  /** A user as their identity provider last described them at sign-in (shared/user/directory.ts). */
  user: (sub: string) => ({ pk: `USER#${sub}`, sk: '#USER' }),
  /** gsi2 (sparse, only on a judge's entry): the judges the directory knows, by name. */
  judgeByName: (name: string, sub: string) => ({ gsi2pk: 'JUDGES', gsi2sk: `${name}#${sub}` }),

  /** A judge on a contest's panel. */
  panelJudge: (contestId: string, judgeId: string) =>
    reviewKeys.panelMember(contestProcess(contestId), judgeId),
  /** gsi1: the contests a judge sits on. */
  panelByJudge: (judgeId: string, contestId: string) => ({
    gsi1pk: `USER#${judgeId}`,
    gsi1sk: `PANEL#${contestId}`,
  }),

  assignment: (contestId: string, proposalId: string, judgeId: string) =>
    reviewKeys.assignment(contestProcess(contestId), proposalId, judgeId),
  /** gsi1: a judge's assignments across contests. */
  assignmentByJudge: (judgeId: string, contestId: string, proposalId: string) => ({
    gsi1pk: `USER#${judgeId}`,
    gsi1sk: `ASSIGN#${contestId}#${proposalId}`,
  }),

  conflict: (contestId: string, proposalId: string, judgeId: string) =>
    reviewKeys.conflict(contestProcess(contestId), proposalId, judgeId),
  sheet: (contestId: string, proposalId: string, judgeId: string) =>
    reviewKeys.sheet(contestProcess(contestId), proposalId, judgeId),
  sheetsOfJudge: (contestId: string, judgeId: string) =>
    reviewKeys.sheetsOfJudge(contestProcess(contestId), judgeId),

  /** The officer's shortlisting decisions: trims, manual adds and drops, incompatible groups. */
  decisions: (contestId: string) => ({ pk: `CONTEST#${contestId}`, sk: '#DECISIONS' }),
  /** The bundle proposed for publicity (公示), as published. */
  publicity: (contestId: string) => ({ pk: `CONTEST#${contestId}`, sk: '#PUBLICITY' }),
  objection: (contestId: string, objectionId: string) => ({
    pk: `CONTEST#${contestId}`,
    sk: `OBJECTION#${objectionId}`,
  }),
  /** The locked bundle: one per contest, because this key can be written only once. */
  lockedBundle: (contestId: string) => ({ pk: `CONTEST#${contestId}`, sk: '#BUNDLE' }),
  notice: (contestId: string, proposalId: string) => ({
    pk: `CONTEST#${contestId}`,
    sk: `NOTICE#${proposalId}`,
  }),
  /** gsi1: a user's notices. */
  noticeByOwner: (ownerSub: string, contestId: string, proposalId: string) => ({
    gsi1pk: `USER#${ownerSub}`,
    gsi1sk: `NOTICE#${contestId}#${proposalId}`,
  }),
  /** gsi2: a notice by its number, for public verification. */
  noticeByNumber: (number: string) => ({ gsi2pk: `NOTICENO#${number}`, gsi2sk: '#' }),
  /**
   * A trail's entries live in the trail's own partition, so reading a contest never reads its
   * growing trail. Keys are ULIDs: unique and sortable, so concurrent writers never contend for
   * one head item; the seal chains them in key order.
   */
  auditEntry: (trail: string, id: string) => ({ pk: `AUDIT#${trail}`, sk: `ENTRY#${id}` }),
  /**
   * gsi2 (sparse, present until the entry is sealed): entries not yet chained, by trail, so the
   * scheduled sealer finds the trails to seal with a Query (the seal removes these attributes).
   */
  unsealedEntry: (trail: string, id: string) => ({ gsi2pk: 'UNSEALED', gsi2sk: `${trail}#${id}` }),
  /** The trail's head: the seal's fence, the last sealed id, the entry count and head hash. */
  auditHead: (trail: string) => ({ pk: `AUDIT#${trail}`, sk: '#HEAD' }),
  /** Notice numbers claimed for an office, prefix and year: one item per number. */
  noticeNumber: (officeId: string, prefix: string, year: number, sequence: number) => ({
    pk: `NOTICENO#${officeId}#${prefix}#${year}`,
    sk: `N#${String(sequence).padStart(8, '0')}`,
  }),
  noticeNumbers: (officeId: string, prefix: string, year: number) => ({
    pk: `NOTICENO#${officeId}#${prefix}#${year}`,
    skPrefix: 'N#',
  }),

  /**
   * A principal's quota counter (shared/quota.ts): `owner` is who it limits (a user, a team),
   * `counter` what it counts and where. Its own partition, so no contest read ever sees it.
   */
  quota: (owner: string, counter: string) => ({ pk: `QUOTA#${owner}`, sk: counter }),
  /** A procurement and everything inside it share its partition: one Query reads it whole. */
  procurement: (procurementId: string) => ({ pk: `PROCUREMENT#${procurementId}`, sk: '#PROCUREMENT' }),
  /** gsi1: an office's procurements, newest first. */
  procurementByOffice: (officeId: string, createdAt: string, procurementId: string) => ({
    gsi1pk: `OFFICE#${officeId}`,
    gsi1sk: `PROCUREMENT#${createdAt}#${procurementId}`,
  }),
  /** One bid per supplier: the key itself makes a second bid impossible. */
  bid: (procurementId: string, teamId: string) => ({
    pk: `PROCUREMENT#${procurementId}`,
    sk: `BID#${teamId}`,
  }),
  /**
   * One bid per organisation: its certificate number (统一社会信用代码) is claimed with the bid,
   * so a second team registered under the same certificate cannot bid again.
   */
  bidCertificate: (procurementId: string, certificateNumber: string) => ({
    pk: `PROCUREMENT#${procurementId}`,
    sk: `BIDCERT#${certificateNumber}`,
  }),
  /** One final quotation per supplier, likewise. */
  finalQuotation: (procurementId: string, teamId: string) => ({
    pk: `PROCUREMENT#${procurementId}`,
    sk: `FINAL#${teamId}`,
  }),
  procurementConflict: (procurementId: string, teamId: string, judgeId: string) =>
    reviewKeys.conflict(procurementProcess(procurementId), teamId, judgeId),
  /** One sheet per panel member and bid (reviewKeys.sheet, the bid's team the subject). */
  bidSheet: (procurementId: string, judgeId: string, teamId: string) =>
    reviewKeys.sheet(procurementProcess(procurementId), teamId, judgeId),
  /** The deal notice (成交通知书) or result notice of a supplier. */
  procurementNotice: (procurementId: string, teamId: string) => ({
    pk: `PROCUREMENT#${procurementId}`,
    sk: `NOTICE#${teamId}`,
  }),
  /** A panel member's seat on a procurement, written when it is announced (the panel is frozen then). */
  procurementPanelSeat: (procurementId: string, judgeId: string) => ({
    pk: `PROCUREMENT#${procurementId}`,
    sk: `PANEL#${judgeId}`,
  }),
  /** gsi1: the procurements a panel member sits on, by announcement. */
  procurementPanelByJudge: (judgeId: string, announcedAt: string, procurementId: string) => ({
    gsi1pk: `USER#${judgeId}`,
    gsi1sk: `PPANEL#${announcedAt}#${procurementId}`,
  }),
  /** gsi1: a supplier's procurement notices (their team's owner), by issue time. */
  procurementNoticeByOwner: (ownerSub: string, issuedAt: string, procurementId: string, teamId: string) => ({
    gsi1pk: `USER#${ownerSub}`,
    gsi1sk: `PNOTICE#${issuedAt}#${procurementId}#${teamId}`,
  }),
  /** gsi2: a procurement notice by its number, for public verification. */
  procurementNoticeByNumber: (number: string) => ({ gsi2pk: `PNOTICENO#${number}`, gsi2sk: '#' }),
  procurementPartition: (procurementId: string) => reviewKeys.partition(procurementProcess(procurementId)),
  /** gsi2 (sparse, written when a procurement is announced): every announced procurement, by bidding deadline. */
  announcedProcurement: (biddingDeadline: string, procurementId: string) => ({
    gsi2pk: 'TENDERS',
    gsi2sk: `${biddingDeadline}#${procurementId}`,
  }),

  /** Every item of a contest's partition, in one paginated Query. */
  contestPartition: (contestId: string) => reviewKeys.partition(contestProcess(contestId)),
} as const;

/** Every item carries its entity type, so a raw item (a backup, a stream record) says what it is. */
export const ENTITY = {
  office: 'office',
  community: 'community',
  contest: 'contest',
  team: 'team',
  user: 'user',
  proposal: 'proposal',
  panelJudge: 'panel-judge',
  assignment: 'assignment',
  conflict: 'conflict',
  sheet: 'sheet',
  decisions: 'decisions',
  publicity: 'publicity',
  objection: 'objection',
  lockedBundle: 'locked-bundle',
  notice: 'notice',
  noticeNumber: 'notice-number',
  procurement: 'procurement',
  bid: 'bid',
  bidCertificate: 'bid-certificate',
  finalQuotation: 'final-quotation',
  procurementConflict: 'procurement-conflict',
  bidSheet: 'bid-sheet',
  procurementNotice: 'procurement-notice',
  procurementPanelSeat: 'procurement-panel-seat',
  auditEntry: 'audit-entry',
  auditHead: 'audit-head',
  quota: 'quota',
} as const;

export const KEY_ATTRIBUTES = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'entityType'] as const;

/** Strips key attributes so items leave the data layer as plain entities. */
export function withoutKeys<T extends Record<string, unknown>>(
  item: T,
): Omit<T, (typeof KEY_ATTRIBUTES)[number]> {
  const copy: Record<string, unknown> = { ...item };
  for (const attribute of KEY_ATTRIBUTES) delete copy[attribute];
  return copy as Omit<T, (typeof KEY_ATTRIBUTES)[number]>;
}
