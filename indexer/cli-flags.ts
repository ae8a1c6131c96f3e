/**
 * Command-line flags declared once, as a zod object: node:util's `parseArgs` options are derived from it (boolean
 * fields become switches, every other field takes a value), and a bad flag or `--help` prints the usage.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';

type FlagsSchema = z.ZodObject<{ help: z.ZodDefault<z.ZodBoolean> } & z.ZodRawShape>;

/** The schema under `.default()` / `.optional()` wrappers. */
function innermost(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let inner = (current as { _zod: { def: { innerType?: z.ZodType } } })._zod.def.innerType; inner; ) {
    current = inner;
    inner = (current as { _zod: { def: { innerType?: z.ZodType } } })._zod.def.innerType;
  }
  return current;
}

/**
 * Reads `argv` against `schema`. Returns the flags, or the exit code after printing: 0 for `--help` (usage on
 * stdout), 2 for bad usage (the message naming the flag, then the usage, on stderr).
 */
export function readCliFlags<S extends FlagsSchema>(schema: S, argv: string[], usage: string): z.infer<S> | number {
  const options = Object.fromEntries(
    Object.entries(schema.shape).map(([name, field]) => [name, { type: innermost(field as z.ZodType) instanceof z.ZodBoolean ? 'boolean' : 'string' } as const]),
  );
  let flags: z.infer<S>;
  try {
    flags = schema.parse(parseArgs({ args: argv, options, strict: true }).values);
  } catch (err) {
    const message = err instanceof z.ZodError ? err.issues.map((i) => i.message).join('; ') : (err as Error).message;
    process.stderr.write(`Error: ${message}\n\n${usage}\n`);
    return 2;
  }
  if (flags.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  return flags;
}
