import { type OcdsOrganizationReference, type OcdsParty, type OcdsValue, ocdsValue } from '../notice.ts';

/**
 * The OCDS 1.1 release of an awarded competitive consultation: the procurement as the tender
 * (its ceiling as the value), every bid (the bids extension: each supplier's final quotation,
 * or its price when it gave none), the award to the confirmed supplier and the contract at its
 * final quotation. Pure, built from stored data only, so every export of one procurement is the
 * same. The mapping is tabled in docs/procurement.md.
 */
export interface ProcurementOcdsInput {
  ocidPrefix: string;
  procurement: { id: string; title: string; description: string; ceilingFen: number; awardedAt: string };
  office: { id: string; name: string };
  bids: readonly {
    teamId: string;
    supplierName: string;
    submittedAt: string;
    /** The final quotation, else the bid's price. */
    valueFen: number;
    /** `valid` for a bid that was scored, `disqualified` for a non-responsive one. */
    status: 'valid' | 'disqualified';
  }[];
  awarded: { teamId: string; supplierName: string; amountFen: number };
}

export interface ProcurementRelease {
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
    description: string;
    status: 'complete';
    value: OcdsValue;
    procurementMethod: 'open';
    procurementMethodDetails: string;
    mainProcurementCategory: 'services';
    awardCriteria: 'ratedCriteria';
    awardCriteriaDetails: string;
    numberOfTenderers: number;
  };
  bids: {
    details: {
      id: string;
      date: string;
      status: string;
      tenderers: OcdsOrganizationReference[];
      value: OcdsValue;
    }[];
  };
  awards: {
    id: string;
    status: 'active';
    date: string;
    value: OcdsValue;
    suppliers: OcdsOrganizationReference[];
  }[];
  contracts: { id: string; awardID: string; status: 'pending'; value: OcdsValue }[];
}

export function procurementRelease(input: ProcurementOcdsInput): ProcurementRelease {
  const prefix = input.ocidPrefix.replace(/-$/, '');
  const id = input.procurement.id;
  const buyer = { id: `office-${input.office.id}`, name: input.office.name };
  const supplier = (teamId: string, name: string) => ({ id: `team-${teamId}`, name });
  const awardId = `${id}-award`;
  return {
    ocid: `${prefix}-${id}`,
    id: `${id}-award`,
    date: input.procurement.awardedAt,
    language: 'zh',
    tag: ['tender', 'award', 'contract'],
    initiationType: 'tender',
    parties: [
      { ...buyer, roles: ['buyer', 'procuringEntity'] },
      ...input.bids.map((bid) => ({
        ...supplier(bid.teamId, bid.supplierName),
        roles: bid.teamId === input.awarded.teamId ? ['tenderer', 'supplier'] : ['tenderer'],
      })),
    ],
    buyer,
    tender: {
      id,
      title: input.procurement.title,
      description: input.procurement.description,
      status: 'complete',
      value: ocdsValue(input.procurement.ceilingFen),
      procurementMethod: 'open',
      procurementMethodDetails: '竞争性磋商（财库〔2014〕214号）',
      mainProcurementCategory: 'services',
      awardCriteria: 'ratedCriteria',
      awardCriteriaDetails: '综合评分法：价格分（低价优先法）加技术商务分（磋商小组平均分）',
      numberOfTenderers: input.bids.length,
    },
    bids: {
      details: input.bids.map((bid) => ({
        id: `${id}-bid-${bid.teamId}`,
        date: bid.submittedAt,
        status: bid.status,
        tenderers: [supplier(bid.teamId, bid.supplierName)],
        value: ocdsValue(bid.valueFen),
      })),
    },
    awards: [
      {
        id: awardId,
        status: 'active',
        date: input.procurement.awardedAt,
        value: ocdsValue(input.awarded.amountFen),
        suppliers: [supplier(input.awarded.teamId, input.awarded.supplierName)],
      },
    ],
    contracts: [
      {
        id: `${id}-contract`,
        awardID: awardId,
        status: 'pending',
        value: ocdsValue(input.awarded.amountFen),
      },
    ],
  };
}
