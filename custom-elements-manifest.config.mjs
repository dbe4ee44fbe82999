// Custom Elements Manifest from the elements' JSDoc: attributes, properties, events, parts and
// CSS custom properties. It feeds the package's `customElements` field, the docs and Storybook.
export default {
  globs: ['src/components/**/*.component.ts', 'src/*.ts'],
  exclude: ['src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: true,
};
