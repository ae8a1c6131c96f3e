/**
 * Options declared once: a zod object whose fields are registered with `option(schema, { help, env, value })` is
 * the whole table. From it come node:util's `parseArgs` options (a boolean field without a value placeholder is a
 * switch, every other field takes a value), the environment variables read when a flag is absent, and the `--help`
 * text with each default (read from the schema itself). `npm run index`, `npm run model`, `npm run search` and the
 * server's config all read their options this way.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';

/** What a field says about itself beyond its type. */
export interface OptionMeta {
  /** One line for `--help`. */
  help: string;
  /** Placeholder of the value in `--help` (`<dir>`). A boolean field without one is a switch (`--quiet`). */
  value?: string;
  /** Environment variable read when the flag is absent (flags win). */
  env?: string;
  /** `false`: not a command-line flag (code or environment only, e.g. secrets). Default: the key in kebab-case. */
  flag?: false;
  /** The flag may be repeated; the field receives every value as an array. */
  multiple?: true;
  /** One-letter alias (`-h`). */
  short?: string;
}

const optionMeta = z.registry<OptionMeta>();

/** Registers a field of an options table: its schema (with its default) and how it is documented and read. */
export function option<T extends z.ZodType>(schema: T, meta: OptionMeta): T {
  optionMeta.add(schema, meta);
  return schema;
}

/** The `--help` switch every table has. */
export const helpOption = () => option(z.boolean().default(false), { help: 'print this help', short: 'h' });

type OptionsSchema = z.ZodObject<z.ZodRawShape>;

/** `indexDir` → `index-dir` (keys already in kebab-case stay as they are). */
export function flagName(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

function entries(schema: OptionsSchema): [string, z.ZodType, OptionMeta][] {
  return Object.entries(schema.shape).flatMap(([key, field]) => {
    const meta = optionMeta.get(field as z.ZodType);
    return meta ? [[key, field as z.ZodType, meta] as [string, z.ZodType, OptionMeta]] : [];
  });
}

/** The schema under `.default()` / `.optional()` wrappers. */
function innermost(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let inner = (current as { _zod: { def: { innerType?: z.ZodType } } })._zod.def.innerType; inner; ) {
    current = inner;
    inner = (current as { _zod: { def: { innerType?: z.ZodType } } })._zod.def.innerType;
  }
  return current;
}

function isSwitch(field: z.ZodType, meta: OptionMeta): boolean {
  return !meta.value && innermost(field) instanceof z.ZodBoolean;
}

/** The `--help` text: one line per flag with its default and environment variable, then env-only options. */
export function usageText(command: string, schema: OptionsSchema, positional = ''): string {
  const rows: [string, string][] = [];
  const envOnly: string[] = [];
  for (const [key, field, meta] of entries(schema)) {
    const parsed = field.safeParse(undefined);
    const defaultValue = parsed.success && parsed.data !== undefined && !(isSwitch(field, meta) && parsed.data === false) ? parsed.data : undefined;
    const notes = [
      defaultValue !== undefined ? `default ${Array.isArray(defaultValue) ? defaultValue.join(', ') : JSON.stringify(defaultValue).replace(/^"(.*)"$/, '$1')}` : '',
      meta.env ? `env ${meta.env}` : '',
    ].filter(Boolean);
    const help = `${meta.help}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`;
    if (meta.flag === false) {
      if (meta.env) envOnly.push(`  env ${meta.env}: ${help.replace(/ \(env [A-Z_]+\)$/, '')}`);
      continue;
    }
    const short = meta.short ? `-${meta.short}, ` : '';
    rows.push([`  ${short}--${flagName(key)}${meta.value ? ` ${meta.value}` : ''}`, help]);
  }
  const width = Math.max(...rows.map(([flag]) => flag.length)) + 2;
  const lines = [`Usage: ${command}${positional ? ` ${positional}` : ''} [options]`, '', ...rows.map(([flag, help]) => flag.padEnd(width) + help)];
  if (envOnly.length > 0) lines.push('', 'Environment only:', ...envOnly);
  return `${lines.join('\n')}\n`;
}

/** A flag that does not exist, lacks its value, or is not allowed here. */
export class UsageError extends Error {}

export interface RawOptions {
  /** Values by key, as given (strings, or booleans for switches); flags win over the environment. */
  input: Record<string, unknown>;
  positionals: string[];
  help: boolean;
}

/** Reads `argv` and `env` into raw values by key (validate them with the schema, which may add its own rules). */
export function readRawOptions(schema: OptionsSchema, argv: readonly string[], env: NodeJS.ProcessEnv, allowPositionals = false): RawOptions {
  const table = entries(schema);
  const flagOptions = Object.fromEntries(
    table
      .filter(([, , meta]) => meta.flag !== false)
      .map(([key, field, meta]) => [
        flagName(key),
        { type: isSwitch(field, meta) ? 'boolean' : 'string', ...(meta.multiple ? { multiple: true } : {}), ...(meta.short ? { short: meta.short } : {}) } as const,
      ]),
  );
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], options: flagOptions, allowPositionals, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const input: Record<string, unknown> = {};
  for (const [key, , meta] of table) {
    if (meta.env && env[meta.env] !== undefined) input[key] = env[meta.env];
    const fromFlag = parsed.values[flagName(key)];
    if (fromFlag !== undefined) input[key] = fromFlag;
  }
  const help = input.help === true;
  delete input.help;
  return { input, positionals: parsed.positionals, help };
}

/** The first issue of a failed parse as `--flag: message` (or the env variable when that is where it came from). */
export function describeOptionError(schema: OptionsSchema, error: z.ZodError, fromEnv: ReadonlySet<string> = new Set()): string {
  return error.issues
    .map((issue) => {
      const key = String(issue.path[0] ?? '');
      const meta = key ? optionMeta.get(schema.shape[key] as z.ZodType) : undefined;
      const where = !key ? 'options' : meta?.env && (fromEnv.has(key) || meta.flag === false) ? meta.env : `--${flagName(key)}`;
      // A message that already names its flag ("--embedder must be …") stands as it is; a camel-case key is named
      // too, as code and the README know it (`queryCacheEntries (--query-cache-entries)`).
      if (issue.message.startsWith(where)) return issue.message;
      return `${key && key !== flagName(key) ? `${key} (${where})` : where}: ${issue.message}`;
    })
    .join('; ');
}

/**
 * Reads a CLI's flags (and environment) against `schema`. Returns the parsed options and positionals, or the exit
 * code after printing: 0 for `--help` (usage on stdout), 2 for bad usage (the message naming the flag, then the
 * usage, on stderr).
 */
export function readCliOptions<S extends OptionsSchema>(
  schema: S,
  argv: readonly string[],
  usage: string,
  { env = {}, positionals = false }: { env?: NodeJS.ProcessEnv; positionals?: boolean } = {},
): { options: z.output<S>; positionals: string[] } | number {
  let raw: RawOptions;
  try {
    raw = readRawOptions(schema, argv, env, positionals);
  } catch (err) {
    process.stderr.write(`Error: ${(err as Error).message}\n\n${usage}`);
    return 2;
  }
  if (raw.help) {
    process.stdout.write(usage);
    return 0;
  }
  const parsed = schema.safeParse(raw.input);
  if (!parsed.success) {
    const fromEnv = new Set(Object.keys(raw.input).filter((key) => !argv.some((a) => a.startsWith(`--${flagName(key)}`))));
    process.stderr.write(`Error: ${describeOptionError(schema, parsed.error, fromEnv)}\n\n${usage}`);
    return 2;
  }
  return { options: parsed.data, positionals: raw.positionals };
}
