import { expect, fixture, html } from '@open-wc/testing';
import { ar as ticketListAr } from '../components/ticket-list/ticket-list.messages.ar.js';
import {
  type CoreMessageKey,
  dirOf,
  loadLocale,
  onMessagesChanged,
  registerLocaleLoader,
  registerMessages,
  resolveLocale,
  translator,
} from './i18n.js';
import { ar } from './messages/ar.js';
import { de } from './messages/de.js';
import { en } from './messages/en.js';

before(() => Promise.all([loadLocale('de'), loadLocale('ar')]));

describe('i18n', () => {
  it('de and ar have exactly the English keys, plural forms complete', () => {
    const keys = Object.keys(en).sort();
    for (const catalog of [de, ar]) {
      expect(Object.keys(catalog).sort()).to.deep.equal(keys);
      for (const [key, value] of Object.entries(catalog)) {
        const source = en[key as CoreMessageKey];
        expect(typeof value, key).to.equal(typeof source);
        if (typeof value === 'object') expect(value, key).to.have.property('other');
      }
    }
    const arRules = new Intl.PluralRules('ar').resolvedOptions().pluralCategories;
    expect(Object.keys(ar['ticket.messages'] as object).sort()).to.deep.equal([...arRules].sort());
    expect(Object.keys(ticketListAr['ticketList.count'] as object).sort()).to.deep.equal([...arRules].sort());
  });

  it('picks plural forms per language', () => {
    expect(translator('en').t('ticket.messages', { count: 1 })).to.equal('1 message');
    expect(translator('en').t('ticket.messages', { count: 1200 })).to.equal('1,200 messages');
    expect(translator('de').t('ticket.messages', { count: 1200 })).to.equal('1.200 Nachrichten');
    const t = translator('ar').t;
    expect(t('ticket.messages', { count: 2 })).to.equal('رسالتان');
    expect(t('ticket.messages', { count: 0 })).to.equal('لا توجد رسائل');
    expect(t('ticket.messages', { count: 5 })).to.match(/رسائل$/);
    expect(t('ticket.messages', { count: 11 })).to.match(/رسالة$/);
  });

  it('falls back to English for unknown languages and keys, and accepts new catalogs', () => {
    expect(translator('fr-CA').t('state.retry')).to.equal('Retry');
    registerMessages('fr', { 'state.retry': 'Réessayer' });
    expect(translator('fr-CA').t('state.retry')).to.equal('Réessayer');
    expect(translator('fr').t('state.loading')).to.equal('Loading…');
  });

  it('loads a language lazily, piece by piece, and tells elements when messages arrive', async () => {
    const seen: string[] = [];
    const stop = onMessagesChanged((lang) => seen.push(lang));
    registerMessages('en', { 'test.lazy': 'English first' });
    let loaded = 0;
    registerLocaleLoader('xx', async () => {
      loaded++;
      return { 'test.lazy': 'Später' };
    });
    expect(loaded, 'nothing loads before the language is used').to.equal(0);
    expect(translator('xx').t('test.lazy'), 'English meanwhile').to.equal('English first');
    await loadLocale('xx');
    expect(loaded).to.equal(1);
    expect(translator('xx-YY').t('test.lazy')).to.equal('Später');
    // A piece registered after the language was asked for loads at once.
    registerLocaleLoader('xx', async () => ({ 'test.late': 'Spät' }));
    await loadLocale('xx');
    expect(translator('xx').t('test.late')).to.equal('Spät');
    stop();
    expect(seen).to.include('xx');
  });

  it('formats money from minor units with the currency’s fraction digits', () => {
    const en = translator('en-US');
    expect(en.money(123456, 'USD')).to.equal('$1,234.56');
    expect(en.money(1234, 'JPY')).to.equal('¥1,234');
    expect(en.money(1234, 'KWD')).to.match(/1\.234/);
    expect(translator('de-DE').money(123456, 'EUR')).to.equal('1.234,56\u00a0€');
  });

  it('formats dates and relative times through Intl', () => {
    const now = Date.UTC(2026, 0, 10, 12);
    const en = translator('en');
    expect(en.relativeTime(now + 3 * 3_600_000, now)).to.equal('in 3 hours');
    expect(en.relativeTime(now - 86_400_000, now)).to.equal('yesterday');
    expect(translator('de').relativeTime(now - 2 * 60_000, now)).to.equal('vor 2 Minuten');
    expect(en.date('2026-01-10T12:00:00Z', { dateStyle: 'medium', timeZone: 'UTC' })).to.equal('Jan 10, 2026');
  });

  it('knows writing directions and finds lang/dir on ancestors, across shadow roots', async () => {
    expect(dirOf('ar-EG')).to.equal('rtl');
    expect(dirOf('he')).to.equal('rtl');
    expect(dirOf('de')).to.equal('ltr');
    const host = await fixture<HTMLDivElement>(html`<div lang="ar"><span></span></div>`);
    const inner = document.createElement('i');
    host.querySelector('span')!.attachShadow({ mode: 'open' }).append(inner);
    expect(resolveLocale(inner)).to.deep.equal({ lang: 'ar', dir: 'rtl' });
  });
});
