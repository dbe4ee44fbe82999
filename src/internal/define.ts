/**
 * Registers a custom element unless the tag is taken. A second copy of the library on the same
 * page (two bundles, two versions) then warns once instead of throwing.
 */
export function defineElement(
  tag: string,
  constructor: CustomElementConstructor,
  registry: CustomElementRegistry = customElements,
): void {
  const existing = registry.get(tag);
  if (existing === constructor) return;
  if (existing) {
    console.warn(`bulk-enroll: <${tag}> is already defined by another script; keeping the first definition.`);
    return;
  }
  registry.define(tag, constructor);
}
