// Builds what the package ships:
// 1. dist/**/*.js: unbundled ES modules, one per source file, dependencies left external
//    (types come from `tsc --emitDeclarationOnly`, custom-elements.json from the analyzer);
// 2. dist/bulk-enroll.min.js: one file for a plain <script type="module"> tag, dependencies
//    included, production Lit, with its own self-contained worker beside it
//    (dist/bulk-enroll.worker.min.js).
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import terser from '@rollup/plugin-terser';
import { minifyCssLiterals } from './scripts/minify-css.mjs';

export const entries = {
  index: 'src/index.ts',
  'core/index': 'src/core/index.ts',
  'bulk-upload': 'src/bulk-upload.ts',
  'row-error-table': 'src/row-error-table.ts',
  'invite-accept-form': 'src/invite-accept-form.ts',
  'worker/validate.worker': 'src/worker/validate.worker.ts',
};

const dependencies = ['lit', '@lit/localize', 'papaparse', 'libphonenumber-js', 'zod'];
const isExternal = (id) => dependencies.some((dep) => id === dep || id.startsWith(`${dep}/`));

/** zod's own files trip harmless annotation and cycle warnings; only ours are worth reading. */
export function onwarn(warning, warn) {
  const ids = [warning.id, ...(warning.ids ?? [])].filter(Boolean);
  if (
    (warning.code === 'INVALID_ANNOTATION' || warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED') &&
    ids.every((id) => id.includes('node_modules'))
  )
    return;
  warn(warning);
}

/** The single-file bundle's worker sits beside it under its own name. */
export function workerUrl(fileName) {
  return {
    name: 'bulk-enroll-worker-url',
    transform(code, id) {
      if (!id.endsWith('validation-client.ts')) return null;
      if (!code.includes("'./validate.worker.js'")) this.error('validation-client.ts no longer names ./validate.worker.js');
      return { code: code.replace("'./validate.worker.js'", `'./${fileName}'`), map: null };
    },
  };
}

/**
 * Minifies the CSS of the elements' `css` template literals in the bundles users load (terser leaves
 * template text as written); see scripts/minify-css.mjs.
 */
export function minifyCssPlugin() {
  return {
    name: 'bulk-enroll-minify-css-literals',
    transform(code, id) {
      if (!/[\\/]src[\\/].*styles\.ts$/.test(id)) return null;
      return { code: minifyCssLiterals(code), map: null };
    },
  };
}

export const esbuildOptions = { target: 'es2022', tsconfig: 'tsconfig.json' };

export const bundlePlugins = () => [
  minifyCssPlugin(),
  nodeResolve({ browser: true, exportConditions: ['production'] }),
  commonjs({ strictRequires: false }),
  esbuild({ ...esbuildOptions, minify: false }),
  terser({ ecma: 2022, module: true, compress: { passes: 3 }, format: { comments: false } }),
];

export default [
  {
    input: entries,
    external: isExternal,
    onwarn,
    plugins: [esbuild(esbuildOptions)],
    output: {
      dir: 'dist',
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: 'src',
      entryFileNames: '[name].js',
      sourcemap: true,
    },
  },
  {
    // The languages other than English are loaded on demand, from files beside it (bulk-enroll.es.min.js).
    input: { 'bulk-enroll.min': 'src/index.ts' },
    // Let the language files import what they need from the bundle itself, so it stays one file.
    preserveEntrySignatures: 'allow-extension',
    onwarn,
    plugins: [workerUrl('bulk-enroll.worker.min.js'), ...bundlePlugins()],
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'bulk-enroll.[name].min.js', sourcemap: true },
  },
  {
    input: { 'bulk-enroll.worker.min': 'src/worker/validate.worker.ts' },
    onwarn,
    plugins: bundlePlugins(),
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].js', inlineDynamicImports: true, sourcemap: true },
  },
];
