/** One CSV field, quoted per RFC 4180 when it holds a comma, quote or line break. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/u.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record, CRLF-terminated as RFC 4180 asks. */
export function csvRow(values: Array<string | number | null>): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
