import { z } from 'zod';

const schema = z.object({
  CHRONICLE_DB: z.string().min(1).optional(),
  PORT: z.coerce.number().int().min(1).max(65535).optional(),
  HOST: z.string().min(1).optional(),
});

/** Configuration from the environment, validated once; every problem is listed at once. */
export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

/** Reads and validates `process.env` (first call) and returns the configuration. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  if (cached && source === process.env) return cached;
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid environment: ${problems}`);
  }
  if (source === process.env) cached = parsed.data;
  return parsed.data;
}

/** Where the store lives: an explicit option, else CHRONICLE_DB, else ./chronicle.db. */
export function resolveDbLocation(option: string | undefined, env: Env = loadEnv()): string {
  return option ?? env.CHRONICLE_DB ?? 'chronicle.db';
}
