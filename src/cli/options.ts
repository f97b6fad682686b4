import { ValidationError } from '../errors.js';

/** Checks a `--published` value: an ISO calendar date cut to its precision (2016, 2016-12, 2016-12-16). */
export function parsePublished(value: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) throw new ValidationError(`--published ${value}: expected YYYY, YYYY-MM or YYYY-MM-DD`);
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  const date = new Date(Date.UTC(Number(m[1]), month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new ValidationError(`--published ${value}: no such date`);
  }
  return value;
}

/** Parses a positive integer option such as `--port` or `--limit`. */
export function parsePositiveInt(name: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0) throw new ValidationError(`${name} ${value}: expected a positive integer`);
    return n;
  };
}
