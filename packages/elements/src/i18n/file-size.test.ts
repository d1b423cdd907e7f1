import { expect } from '@open-wc/testing';
import { fileSize } from './file-size.js';
import { loadLocale, translator } from './i18n.js';

before(() => Promise.all([loadLocale('de'), loadLocale('ar')]));

describe('fileSize', () => {
  const sizes = [0, 1, 17, 1023, 1024, 1536, 120_001, 1_048_570, 25 * 1024 ** 2, 1_500_000, 3 * 1024 ** 3, 5 * 1024 ** 4];
  const of = (lang: string) => sizes.map((b) => fileSize(translator(lang), b).replace(/\u00a0|\u202f/g, ' '));

  it('en: whole bytes spelled out, larger sizes in steps of 1,024 with one decimal', () => {
    expect(of('en')).to.deep.equal([
      '0 bytes',
      '1 byte',
      '17 bytes',
      '1,023 bytes',
      '1 kB',
      '1.5 kB',
      '117.2 kB',
      '1 MB',
      '25 MB',
      '1.4 MB',
      '3 GB',
      '5,120 GB',
    ]);
  });

  it('de: German units and separators', () => {
    expect(of('de')).to.deep.equal([
      '0 Byte',
      '1 Byte',
      '17 Byte',
      '1.023 Byte',
      '1 kB',
      '1,5 kB',
      '117,2 kB',
      '1 MB',
      '25 MB',
      '1,4 MB',
      '3 GB',
      '5.120 GB',
    ]);
  });

  it('ar: Arabic units (the plural-free unit words of CLDR)', () => {
    expect(of('ar')).to.deep.equal([
      '0 بايت',
      '1 بايت',
      '17 بايت',
      '1,023 بايت',
      '1 كيلوبايت',
      '1.5 كيلوبايت',
      '117.2 كيلوبايت',
      '1 م.ب',
      '25 م.ب',
      '1.4 م.ب',
      '3 غ.ب',
      '5,120 غ.ب',
    ]);
  });

  it('treats a malformed size (negative, NaN) as 0 bytes, never "NaN"', () => {
    expect(fileSize(translator('en'), -5)).to.equal('0 bytes');
    expect(fileSize(translator('en'), Number.NaN)).to.equal('0 bytes');
  });
});
