import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zhCN } from './zh-CN';
import { initialLanguage } from './index';

describe('language', () => {
  it('is Chinese when the system language is Chinese', () => {
    expect(initialLanguage(null, ['zh-CN', 'en'])).toBe('zh-CN');
    expect(initialLanguage(null, ['zh-TW'])).toBe('zh-CN');
    expect(initialLanguage(null, ['en-GB', 'de'])).toBe('en');
  });

  it('follows the person’s own choice over the system', () => {
    expect(initialLanguage('en', ['zh-CN'])).toBe('en');
    expect(initialLanguage('zh-CN', ['en-US'])).toBe('zh-CN');
    expect(initialLanguage('fr', ['en-US'])).toBe('en');
  });

  it('has every English string in Chinese too, and none left empty', () => {
    const keys = (o: object, p = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [`${p}${k}`] : keys(v as object, `${p}${k}.`)));
    expect(keys(zhCN)).toEqual(keys(en));
    const empty = (o: object): boolean => Object.values(o).some((v) => (typeof v === 'string' ? v.trim() === '' : empty(v as object)));
    expect(empty(zhCN)).toBe(false);
  });
});
