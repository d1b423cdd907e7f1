import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { css, html as litHtml } from 'lit';
import { loadLocale } from '../i18n/i18n.js';
import { PorticoElement } from './portico-element.js';

class TestBox extends PorticoElement {
  static override styles = [PorticoElement.styles, css`.row { color: rgb(1, 2, 3); } p { margin: 7px; }`];
  protected override render() {
    return litHtml`<div part="base" dir=${this.locale.dir}><p class="row">inside</p><button class="button">b</button></div>`;
  }
}
TestBox.define('portico-test-box');

describe('PorticoElement', () => {
  it('define() tolerates a second registration of the same tag', () => {
    expect(() => TestBox.define('portico-test-box')).to.not.throw();
    class Other extends PorticoElement {}
    const warn = console.warn;
    let warned = '';
    console.warn = (m: string) => (warned = m);
    try {
      expect(() => Other.define('portico-test-box')).to.not.throw();
    } finally {
      console.warn = warn;
    }
    expect(warned).to.contain('already defined');
    expect(customElements.get('portico-test-box')).to.equal(TestBox);
  });

  it('emit() fires bubbling, composed events and reports cancelation', async () => {
    const el = await fixture<TestBox>(html`<portico-test-box></portico-test-box>`);
    setTimeout(() => el.emit('portico-error', { error: new Error('x'), code: 'x' }));
    const e = await oneEvent(document, 'portico-error');
    expect(e.bubbles).to.equal(true);
    expect(e.composed).to.equal(true);
    expect(e.cancelable).to.equal(false);
    el.addEventListener('portico-error', (ev) => ev.preventDefault(), { once: true });
    expect(el.emit('portico-error', { error: null, code: 'x' }, { cancelable: true })).to.equal(false);
    expect(el.emit('portico-error', { error: null, code: 'x' }, { cancelable: true })).to.equal(true);
  });

  it('host-page styles do not reach inside, component styles do not leak out', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <style>
        p { color: rgb(255, 0, 0); margin: 31px; }
        .leak-probe { color: rgb(255, 0, 0); }
        body, div { letter-spacing: 5px; font-style: italic; }
      </style>
      <portico-test-box></portico-test-box>
      <p class="row">outside</p>
      <button class="button">outside</button>
    </div>`);
    const el = wrapper.querySelector('portico-test-box') as TestBox;
    await el.updateComplete;
    const inside = el.shadowRoot!.querySelector('p')!;
    expect(getComputedStyle(inside).color).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(inside).margin).to.equal('7px');
    expect(getComputedStyle(inside).letterSpacing).to.equal('normal');
    expect(getComputedStyle(inside).fontStyle).to.equal('normal');
    const outside = wrapper.querySelector('p')!;
    expect(getComputedStyle(outside).color).to.equal('rgb(255, 0, 0)');
    expect(getComputedStyle(outside).margin).to.equal('31px');
    const outsideButton = wrapper.querySelector('button')!;
    expect(getComputedStyle(outsideButton).minHeight).to.not.equal('36px');
    const plain = document.body.appendChild(document.createElement('button'));
    expect(getComputedStyle(outsideButton).borderRadius).to.equal(getComputedStyle(plain).borderRadius);
    plain.remove();
  });

  it('theme attribute switches the colour scheme; custom states carry a provided theme', async () => {
    const el = await fixture<TestBox>(html`<portico-test-box theme="dark"></portico-test-box>`);
    expect(getComputedStyle(el).colorScheme).to.equal('dark');
    const dark = getComputedStyle(el).color;
    el.theme = 'light';
    await el.updateComplete;
    expect(getComputedStyle(el).colorScheme).to.equal('light');
    expect(getComputedStyle(el).color).to.not.equal(dark); // the text colour follows the scheme (the background is the page's)
  });

  it('resolves lang and dir from the nearest ancestor, its own attributes first', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="ar"><section dir="ltr"><portico-test-box></portico-test-box></section></div>`,
    );
    const el = wrapper.querySelector('portico-test-box') as TestBox;
    expect(el.locale).to.deep.equal({ lang: 'ar', dir: 'ltr' });
    el.setAttribute('dir', 'rtl');
    el.setAttribute('lang', 'de');
    expect(el.locale).to.deep.equal({ lang: 'de', dir: 'rtl' });
    await loadLocale('de'); // German is fetched on first use
    expect(el.i18n.t('state.retry')).to.equal('Erneut versuchen');
  });
});
