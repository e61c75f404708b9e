import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { hashableJson } from './audit.ts';
import { canonicalJson, sha256Hex } from './ids.ts';
import { MAX_FEN, yuanDecimal } from './money.ts';

/**
 * The pure parts of award notices (通知书): numbers, verification codes, the locked bundle's
 * digest and the OCDS export. No I/O and no clock: the awards function passes in what it read,
 * so a re-run of the fan-out computes exactly the same notices. See docs/awards.md.
 */

/** A caller passed something no validated path can produce: a bug, not user input. */
export class NoticeInputError extends Error {
  override name = 'NoticeInputError';
}

// ——— Notice numbers ———

const OPEN = '〔'; // U+3014, the bracket official document numbers (公文发文字号) use for the year
const CLOSE = '〕'; // U+3015

/** 西屯微创投, 2026, 7 → 西屯微创投〔2026〕7号, the form of an official document number. */
export function noticeNumber(prefix: string, year: number, sequence: number): string {
  const trimmed = prefix.trim();
  // 〔〕 in the prefix would make the number ambiguous to read back; other brackets are fine.
  if (trimmed.length === 0 || /[〔〕]/u.test(trimmed)) {
    throw new NoticeInputError('notice prefix must be text without 〔〕');
  }
  if (!Number.isInteger(year) || year < 1000 || year > 9999)
    throw new NoticeInputError('year must have 4 digits');
  if (!Number.isSafeInteger(sequence) || sequence < 1)
    throw new NoticeInputError('sequence must be 1 or more');
  return `${trimmed}${OPEN}${year}${CLOSE}${sequence}号`;
}

const FULL_WIDTH_DIGITS = /[０-９]/gu;
const halfWidth = (digits: string) =>
  digits.replace(FULL_WIDTH_DIGITS, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

/**
 * Reads a notice number as someone types it into the public check: the year in 〔〕, [], (),
 * 【】 or their full-width forms, digits full or half width, 号 optional, leading zeros of the
 * sequence ignored. Returns the canonical number (as noticeNumber writes it) or undefined.
 * The prefix is kept as typed, only trimmed, since it is matched against the stored number.
 */
export function parseNoticeNumber(
  text: string,
): { prefix: string; year: number; sequence: number; number: string } | undefined {
  const match =
    /^\s*(.+?)\s*[〔[(（［【〖]\s*([0-9０-９]{4})\s*[〕\])）］】〗]\s*第?\s*([0-9０-９]{1,9})\s*号?\s*$/u.exec(
      text,
    );
  if (!match) return undefined;
  const prefix = match[1]!;
  const year = Number(halfWidth(match[2]!));
  const sequence = Number(halfWidth(match[3]!));
  try {
    return { prefix, year, sequence, number: noticeNumber(prefix, year, sequence) };
  } catch {
    return undefined;
  }
}

/**
 * The calendar year in China (UTC+8, no daylight saving since 1991) of an instant: the year a
 * notice number carries is the year the bundle was locked there, so a lock at 01:00 on
 * 1 January Beijing time is already next year although UTC still says December.
 */
export function shanghaiYear(instant: string): number {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new NoticeInputError(`not an instant: ${instant}`);
  return new Date(ms + 8 * 3600 * 1000).getUTCFullYear();
}

// ——— Verification codes ———

/**
 * The code alphabet: digits and capitals without 0/O, 1/I/L, which people misread when they
 * copy a code off paper. 31 symbols, so 10 of them carry about 49.5 bits.
 */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const CODE_LENGTH = 10;
const CODE_SHAPE = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

/**
 * The code printed on a notice, e.g. K7QF-M2XD-9P: HMAC-SHA256 under the server secret of the
 * contest and notice number, written in CODE_ALPHABET. Deterministic, so a re-run fan-out
 * prints the same code; unguessable without the secret, so a forged notice (a real number and
 * an invented code) fails the public check. The secret must not change while notices are live.
 */
export function verificationCode(secret: string, contestId: string, noticeNumber: string): string {
  if (typeof secret !== 'string' || secret.length < 16) {
    throw new NoticeInputError('the verification secret must have at least 16 characters');
  }
  if (!contestId || !noticeNumber) throw new NoticeInputError('contest id and notice number are required');
  // JSON of an array keeps the fields apart whatever characters they hold.
  const mac = createHmac('sha256', secret)
    .update(canonicalJson(['notice-verification/1', contestId, noticeNumber]))
    .digest('hex');
  // Base conversion of the 256-bit MAC: bias below 31^10 / 2^256, i.e. none worth the name.
  let rest = BigInt(`0x${mac}`);
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) {
    code += CODE_ALPHABET[Number(rest % 31n)];
    rest /= 31n;
  }
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/**
 * A code as typed: full-width letters and digits made half width (NFKC), upper case, without
 * spaces or dashes of any kind. Returns undefined when what is left is not a code at all.
 */
export function normalizeCode(input: string): string | undefined {
  if (typeof input !== 'string' || input.length > 100) return undefined;
  const bare = input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\p{Pd}_.]/gu, '');
  return CODE_SHAPE.test(bare) ? bare : undefined;
}

/**
 * Whether two codes are the same, ignoring case, spaces and dashes. The comparison of the
 * normalised codes takes the same time wherever they differ (digests of equal length through
 * timingSafeEqual), so response times do not leak how much of a guess was right.
 */
export function sameCode(a: string, b: string): boolean {
  const left = normalizeCode(a);
  const right = normalizeCode(b);
  if (left === undefined || right === undefined) return false;
  const digest = (code: string) => createHash('sha256').update(code).digest();
  return timingSafeEqual(digest(left), digest(right));
}

// ——— The locked bundle's digest ———

/**
 * The exact text whose SHA-256 is the locked bundle's digest: canonical JSON (keys sorted, no
 * whitespace, UTF-8). Publish this text next to the digest so anyone can recompute it.
 */
export function lockedBundleText(content: unknown): string {
  return hashableJson(content);
}

/**
 * SHA-256 (hex) of the locked bundle's canonical JSON: what the public sees on the results
 * page and every notice carries. Anyone holding the published content can recompute it, and
 * any change to a proposal, amount, score, reason or the policy changes it. Content that is not
 * plain JSON data (a Date, NaN, undefined in an array) throws instead of hashing ambiguously.
 */
export function lockedBundleDigest(content: unknown): string {
  return sha256Hex(lockedBundleText(content));
}

// ——— Open Contracting Data Standard 1.1 ———

/**
 * OCDS needs a publisher prefix registered with the Open Contracting Partnership; until a
 * deployment registers its own, releases carry this one, which marks them as unregistered.
 */
export const OCID_PREFIX = 'ocds-mvdemo';

/** What the OCDS export needs from a locked contest. */
export interface OcdsInput {
  /** The publisher's ocid prefix as registered, e.g. "ocds-abc123" (a trailing "-" is fine). */
  ocidPrefix: string;
  contest: { id: string; title: string; budgetFen: number; description?: string };
  office: { id: string; name: string };
  /** When the bundle was locked: the award decision. */
  lockedAt: string;
  /**
   * When this information was released, e.g. when the notices went out. Defaults to lockedAt.
   * Pass a stored time, never "now": the same release id must always carry the same content.
   */
  releasedAt?: string;
  /** Submitted proposals, if known (tender.numberOfTenderers). */
  submittedCount?: number;
  /** The selected proposals in bundle order. */
  selected: readonly OcdsSelectedInput[];
}

export interface OcdsSelectedInput {
  proposalId: string;
  title: string;
  teamId: string;
  teamName: string;
  amountFen: number;
}

export interface OcdsValue {
  amount: number;
  currency: 'CNY';
}
export interface OcdsOrganizationReference {
  id: string;
  name: string;
}
export interface OcdsParty extends OcdsOrganizationReference {
  roles: string[];
}
export interface OcdsAward {
  id: string;
  title: string;
  status: 'active';
  date: string;
  value: OcdsValue;
  suppliers: OcdsOrganizationReference[];
}
export interface OcdsRelease {
  ocid: string;
  id: string;
  date: string;
  language: 'zh';
  tag: string[];
  initiationType: 'tender';
  parties: OcdsParty[];
  buyer: OcdsOrganizationReference;
  tender: {
    id: string;
    title: string;
    description?: string;
    status: 'complete';
    value: OcdsValue;
    procurementMethod: 'selective';
    procurementMethodDetails: string;
    mainProcurementCategory: 'services';
    awardCriteria: 'qualityOnly';
    awardCriteriaDetails: string;
    numberOfTenderers?: number;
  };
  awards: OcdsAward[];
}

/**
 * Fen as an OCDS amount: a JSON number of yuan, from the exact decimal text ("12500.50" →
 * 12500.5). Amounts up to MAX_FEN have at most 11 significant digits, so the double nearest
 * the text prints back as exactly that decimal: no binary artefact reaches the JSON.
 */
export function ocdsValue(fen: number): OcdsValue {
  return { amount: Number(yuanDecimal(fen)), currency: 'CNY' };
}

function isoInstant(value: string, name: string): string {
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) throw new NoticeInputError(`${name} is not an instant`);
  return new Date(ms).toISOString();
}

function required(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.trim().length === 0)
    throw new NoticeInputError(`${name} is required`);
  return value;
}

/**
 * An OCDS 1.1 release for a locked contest: the contest as the tender, each selected proposal
 * as an active award to its team. One release per locked bundle (tag tender + award, since it
 * is the first and only release of the process), with ids derived from stored ids so the export
 * is the same on every run. The mapping is tabled in docs/awards.md.
 */
export function ocdsRelease(input: OcdsInput): OcdsRelease {
  const prefix = required(input.ocidPrefix, 'ocidPrefix').replace(/-$/, '');
  if (!/^ocds-[a-z0-9]{6}$/.test(prefix)) throw new NoticeInputError('ocidPrefix must look like ocds-abc123');
  const contestId = required(input.contest.id, 'contest.id');
  // OCDS forbids # in release ids, and ids built from these must not collide across kinds.
  if (/[#\s]/.test(contestId)) throw new NoticeInputError('contest.id must not contain # or spaces');
  const budgetFen = input.contest.budgetFen;
  if (!Number.isInteger(budgetFen) || budgetFen < 1 || budgetFen > MAX_FEN) {
    throw new NoticeInputError('contest.budgetFen must be whole fen');
  }
  const lockedAt = isoInstant(input.lockedAt, 'lockedAt');
  const releasedAt = input.releasedAt === undefined ? lockedAt : isoInstant(input.releasedAt, 'releasedAt');
  const buyer = {
    id: `office-${required(input.office.id, 'office.id')}`,
    name: required(input.office.name, 'office.name'),
  };

  const teams = new Map<string, OcdsParty>();
  const proposals = new Set<string>();
  let usedFen = 0;
  const awards = input.selected.map((item): OcdsAward => {
    const proposalId = required(item.proposalId, 'proposalId');
    if (proposals.has(proposalId)) throw new NoticeInputError(`proposal ${proposalId} is selected twice`);
    proposals.add(proposalId);
    if (!Number.isInteger(item.amountFen) || item.amountFen < 1 || item.amountFen > MAX_FEN) {
      throw new NoticeInputError(`proposal ${proposalId}: amountFen must be whole fen above 0`);
    }
    usedFen += item.amountFen;
    const supplier = {
      id: `team-${required(item.teamId, 'teamId')}`,
      name: required(item.teamName, 'teamName'),
    };
    const known = teams.get(supplier.id);
    if (known && known.name !== supplier.name)
      throw new NoticeInputError(`team ${item.teamId} has two names`);
    if (!known) teams.set(supplier.id, { ...supplier, roles: ['supplier'] });
    return {
      id: proposalId,
      title: required(item.title, 'title'),
      status: 'active',
      date: lockedAt,
      value: ocdsValue(item.amountFen),
      suppliers: [supplier],
    };
  });
  // The lock guarantees this; an export that claims more than the budget must not go out.
  if (usedFen > budgetFen) throw new NoticeInputError('the selected amounts exceed the budget');

  const tender: OcdsRelease['tender'] = {
    id: contestId,
    title: required(input.contest.title, 'contest.title'),
    ...(input.contest.description ? { description: input.contest.description } : {}),
    status: 'complete',
    value: ocdsValue(budgetFen),
    procurementMethod: 'selective',
    procurementMethodDetails: '社区公益微创投大赛',
    mainProcurementCategory: 'services',
    awardCriteria: 'qualityOnly',
    awardCriteriaDetails: '评审专家按评分标准评分，按排名在预算内入围（服务包锁定）',
  };
  if (input.submittedCount !== undefined) {
    if (!Number.isSafeInteger(input.submittedCount) || input.submittedCount < input.selected.length) {
      throw new NoticeInputError('submittedCount must be a count at least the number selected');
    }
    tender.numberOfTenderers = input.submittedCount;
  }

  return {
    ocid: `${prefix}-${contestId}`,
    id: `${contestId}-award`,
    date: releasedAt,
    language: 'zh',
    tag: ['tender', 'award'],
    initiationType: 'tender',
    // The office both buys and runs the contest: OCDS 1.1 then names it as buyer only, with
    // both roles on its party entry, and leaves tender.procuringEntity out.
    parties: [{ ...buyer, roles: ['buyer', 'procuringEntity'] }, ...teams.values()],
    buyer,
    tender,
    awards,
  };
}

/** The release package OCDS publishes releases in (uri: where this package is served). */
export function ocdsReleasePackage(
  releases: readonly OcdsRelease[],
  meta: { uri: string; publishedDate: string; publisherName: string },
) {
  return {
    uri: required(meta.uri, 'uri'),
    version: '1.1',
    publishedDate: isoInstant(meta.publishedDate, 'publishedDate'),
    publisher: { name: required(meta.publisherName, 'publisherName') },
    releases: [...releases],
  };
}
