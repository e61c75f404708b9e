/** Excel opens UTF-8 CSV as Chinese text only with a byte-order mark. */
const BOM = '\uFEFF';

/**
 * One CSV field. Quotes where needed, and defuses text a spreadsheet would run as a formula
 * (a proposal title is resident input).
 */
function field(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | null | undefined)[])[],
): string {
  return `${BOM + [header, ...rows].map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}
