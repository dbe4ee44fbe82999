import { expect } from '@open-wc/testing';
import type { CSSResult } from 'lit';
import { minifyCss } from '../../scripts/minify-css.mjs';
import { styles as bulkUpload } from '../../src/components/bulk-upload/bulk-upload.styles.js';
import { styles as inviteAcceptForm } from '../../src/components/invite-accept-form/invite-accept-form.styles.js';
import { styles as rowErrorTable } from '../../src/components/row-error-table/row-error-table.styles.js';
import { visuallyHidden } from '../../src/components/shared/styles.js';

/** The rules as Chromium reads them. */
function rules(css: string): string[] {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  return [...sheet.cssRules].map((rule) => rule.cssText);
}

describe('the CSS minifier of the bundles', () => {
  it('gives the browser exactly the rules of every style sheet as written', () => {
    const sheets = [...bulkUpload, ...inviteAcceptForm, ...rowErrorTable, visuallyHidden].map((s) => (s as CSSResult).cssText);
    let count = 0;
    let saved = 0;
    for (const css of new Set(sheets)) {
      const minified = minifyCss(css);
      expect(rules(minified)).to.deep.equal(rules(css));
      count += rules(css).length;
      saved += css.length - minified.length;
    }
    expect(count).to.be.greaterThan(50);
    expect(saved).to.be.greaterThan(1000);
  });

  it('keeps the spaces that carry meaning', () => {
    const css = ':host { inline-size: calc(100% - 2rem); } a :focus-visible { margin: 0 auto; } /* note */ a > b , c { color: red ; }';
    expect(minifyCss(css)).to.equal(':host{inline-size: calc(100% - 2rem);}a :focus-visible{margin: 0 auto;}a>b , c{color: red;}');
    expect(rules(minifyCss(css))).to.deep.equal(rules(css));
  });
});
