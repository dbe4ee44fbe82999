// The CSS minifier of the bundles users load (rollup.config.mjs), in a module of its own so that a
// test in Chromium can check that the browser reads the minified styles exactly as the written ones.

/**
 * Minifies CSS text: comments go, whitespace runs become one space, and none is kept next to
 * `{ } ; >`. Commas are left alone: inside `var()` the browser keeps the text as written. Meant for
 * the elements' styles, which hold no strings where that would matter.
 * @param {string} text
 * @returns {string}
 */
export function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};>]) ?/g, '$1')
    .trim();
}

/**
 * Minifies the CSS of every `css` template literal without interpolations in a module's code.
 * @param {string} code
 * @returns {string}
 */
export function minifyCssLiterals(code) {
  return code.replace(/\bcss`([^`$]*)`/g, (_, text) => `css\`${minifyCss(text)}\``);
}
