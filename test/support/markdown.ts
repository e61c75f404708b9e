/**
 * Reading the worked examples' tables out of docs/*.md, so that the unit tests check what the
 * documents say rather than a copy of it.
 */

/** The body rows of every markdown table between a heading and the next heading, cells trimmed, code marks removed. */
export function tablesUnder(markdown: string, heading: string): string[][][] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(heading);
  if (start < 0) throw new Error(`the document has no "${heading}"`);
  const tables: string[][][] = [];
  let current: string[][] | undefined;
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('#')) break;
    if (!line.startsWith('|')) {
      current = undefined;
      continue;
    }
    const cells = line
      .slice(1, -1)
      .split('|')
      .map((cell) => cell.trim().replaceAll('`', ''));
    if (!current) {
      current = [];
      tables.push(current);
      continue; // the header row
    }
    if (cells.every((cell) => /^-+$/.test(cell))) continue;
    current.push(cells);
  }
  return tables;
}

/** "72.5" → 7250, exactly (no float). */
export function hundredths(points: string): number {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(points);
  if (!match) throw new Error(`"${points}" is not a number of points`);
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** "146,800.00" → 14680000 fen, exactly. */
export function fenOf(yuan: string): number {
  const match = /^(\d{1,3}(?:,\d{3})*)\.(\d{2})$/.exec(yuan);
  if (!match) throw new Error(`"${yuan}" is not an amount in yuan`);
  return Number(match[1]!.replaceAll(',', '')) * 100 + Number(match[2]);
}
