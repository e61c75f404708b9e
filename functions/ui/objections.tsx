/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Child } from 'hono/jsx';

/** One fact of an objection's card: its label, its value, and whether the value is prose. */
export type ObjectionFact = [label: string, value: Child, prose?: 'prose'];

/**
 * Objections on a contest's list as cards: each names the line it is about (or the whole list),
 * then its own facts (a resident's own with its answer, or an answer the public reads).
 */
export function ObjectionCards<O extends { proposalId?: string | undefined }>(props: {
  objections: O[];
  lines: { proposalId: string; title: string }[];
  /** The label of what it is about, and the words for the whole list. */
  about: string;
  whole: string;
  facts: (objection: O) => ObjectionFact[];
}) {
  const titles = new Map(props.lines.map((line) => [line.proposalId, line.title]));
  return (
    <ul class="cards">
      {props.objections.map((objection) => (
        <li>
          <article class="card" data-objection="">
            <dl class="facts">
              <dt>{props.about}</dt>
              <dd>{objection.proposalId ? (titles.get(objection.proposalId) ?? '—') : props.whole}</dd>
              {props.facts(objection).map(([label, value, prose]) => (
                <>
                  <dt>{label}</dt>
                  <dd class={prose}>{value}</dd>
                </>
              ))}
            </dl>
          </article>
        </li>
      ))}
    </ul>
  );
}
