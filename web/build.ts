/**
 * Bundles the web UI: web/src/app.ts → web/dist/app.js and web/src/app.css → web/dist/app.css (minified, with
 * source maps), then prints the bundle size. `--watch` rebuilds on change. Static files stay in web/public.
 * Tests import `buildWeb()` so the browser always runs the current sources.
 */
import { build, context, type BuildOptions } from 'esbuild';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const webDir = path.dirname(fileURLToPath(import.meta.url));
export const WEB_DIST = path.join(webDir, 'dist');
export const WEB_PUBLIC = path.join(webDir, 'public');

const options: BuildOptions = {
  entryPoints: [path.join(webDir, 'src/app.ts'), path.join(webDir, 'src/app.css')],
  outdir: WEB_DIST,
  bundle: true,
  minify: true,
  sourcemap: 'linked',
  format: 'esm',
  target: ['es2022', 'chrome110', 'firefox115', 'safari16'],
  legalComments: 'none',
  // Module scripts are always decoded as UTF-8; keeping Cyrillic as is is ~3× smaller than \u escapes.
  charset: 'utf8',
  logLevel: 'warning',
};

export interface BundleSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export function bundleSizes(): BundleSize[] {
  return ['app.js', 'app.css'].map((file) => {
    const bytes = readFileSync(path.join(WEB_DIST, file));
    return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes).length };
  });
}

function report(): void {
  const sizes = bundleSizes();
  const kb = (n: number): string => (n / 1024).toFixed(1);
  const lines = sizes.map((s) => `  ${s.file.padEnd(8)} ${kb(s.bytes).padStart(6)} KB  (${kb(s.gzipBytes)} KB gzip)`);
  const total = sizes.reduce((a, s) => a + s.bytes, 0);
  const totalGz = sizes.reduce((a, s) => a + s.gzipBytes, 0);
  console.log(`web bundle → ${path.relative(process.cwd(), WEB_DIST)}\n${lines.join('\n')}\n  total    ${kb(total).padStart(6)} KB  (${kb(totalGz)} KB gzip)`);
}

/** One production build of the UI into web/dist. */
export async function buildWeb(): Promise<void> {
  await build(options);
}

async function main(): Promise<void> {
  if (process.argv.includes('--watch')) {
    const ctx = await context({
      ...options,
      plugins: [{ name: 'report', setup: (b) => b.onEnd((r) => (r.errors.length === 0 ? report() : undefined)) }],
    });
    await ctx.watch();
    console.log('watching web/src …');
    return;
  }
  await buildWeb();
  report();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
