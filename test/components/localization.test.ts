// Every element speaks English and Spanish, switchable at run time, with correct plurals.
import { fixture, html, expect, oneEvent } from '@open-wc/testing';
import '../../src/index.js';
import type { BulkUploadElement, RowErrorTableElement } from '../../src/index.js';
import { getLocale, matchLocale, setLocale } from '../../src/localization.js';
import { createMemoryAdapter } from '../../src/core/adapter/memory-adapter.js';
import { readFixture } from '../helpers/fixtures.js';

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('localization', () => {
  afterEach(() => setLocale('en'));

  it('matches page languages to the locales it speaks', () => {
    expect(matchLocale('es-MX')).to.equal('es');
    expect(matchLocale('ES')).to.equal('es');
    expect(matchLocale('fr')).to.equal('en');
    expect(matchLocale(undefined)).to.equal('en');
  });

  it('switches <bulk-upload> to Spanish at run time, review, plurals and issue messages included', async () => {
    const el = await fixture<BulkUploadElement>(html`<bulk-upload persist="none" .adapter=${createMemoryAdapter()}></bulk-upload>`);
    expect(text(el.shadowRoot!.querySelector('[part=template-button]'))).to.equal('Download template');
    await setLocale('es');
    expect(getLocale()).to.equal('es');
    await el.updateComplete;
    expect(text(el.shadowRoot!.querySelector('[part=template-button]'))).to.equal('Descargar plantilla');
    expect(text(el.shadowRoot!.querySelector('[part=instructions]'))).to.contain('código de país');

    await el.validateFile(new File([await readFixture('google-sheets-export.csv')], 'hoja.csv'));
    await el.updateComplete;
    expect(text(el.shadowRoot!.querySelector('[part=send-button]'))).to.equal('Enviar 6 invitaciones; 2 filas retenidas');
    expect(text(el.shadowRoot!.querySelector('[part=summary]'))).to.contain('1 fila tiene un aviso');
    const table = el.shadowRoot!.querySelector('row-error-table') as RowErrorTableElement;
    await table.updateComplete;
    expect(text(table.shadowRoot!.querySelector('tbody'))).to.contain('le falta el + delante del código de país');
    await expect(el).to.be.accessible();

    const sent = oneEvent(el, 'bulk-upload-submitted');
    await el.send();
    await sent;
    await el.updateComplete;
    expect(text(el.shadowRoot!.querySelector('[part=summary]'))).to.contain('6 usuarios invitados.');
    await setLocale('en');
    await el.updateComplete;
    expect(text(el.shadowRoot!.querySelector('[part=summary]'))).to.contain('6 users invited.');
  });

  it('uses the singular where the language wants it', async () => {
    const el = await fixture<BulkUploadElement>(html`<bulk-upload persist="none"></bulk-upload>`);
    await setLocale('es');
    const csv = 'iPlum ID (phone/email),Phone #,Email,Name\r\nemail,,ana@acme.example,Ana\r\nemail,,bad,Bea\r\n';
    await el.validateFile(new File([csv], 'uno.csv'));
    await el.updateComplete;
    expect(text(el.shadowRoot!.querySelector('[part=send-button]'))).to.equal('Enviar 1 invitación; 1 fila retenida');
    await setLocale('en');
    await el.updateComplete;
    expect(text(el.shadowRoot!.querySelector('[part=send-button]'))).to.equal('Send 1 invitation; 1 row held back');
  });
});
