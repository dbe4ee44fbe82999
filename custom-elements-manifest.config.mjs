// Custom Elements Manifest from the elements' JSDoc: attributes, properties, events, parts and
// CSS custom properties. It feeds the package's `customElements` field, the docs and Storybook.
export default {
  globs: ['src/components/**/*.component.ts', 'src/*.ts'],
  exclude: ['src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: true,
  plugins: [
    {
      // Events are documented by the classes' @fires tags; the analyzer also sees each
      // `dispatchEvent(new SomeEvent(…))` and adds a nameless copy: drop those.
      name: 'drop-nameless-events',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          for (const declaration of mod.declarations ?? []) {
            if (declaration.events) declaration.events = declaration.events.filter((event) => event.name);
          }
        }
      },
    },
  ],
};
