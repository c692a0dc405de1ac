import { describe, expect, it } from 'vitest';
import { translatorFor } from './all-catalogs.js';

describe('public catalog messages', () => {
  it('every plural form of French, Arabic and Ukrainian is in that language, never the Dutch fallback', () => {
    const dutch = translatorFor('nl');
    for (const locale of ['fr', 'ar', 'uk'] as const) {
      const t = translatorFor(locale);
      for (const count of [0, 1, 2, 3, 5, 11, 21, 100]) {
        for (const key of ['catalogPublic.results', 'catalogPublic.atMostIcons']) {
          expect(t(key, { count }), `${locale} ${key} ${count}`).not.toBe(dutch(key, { count }));
        }
      }
    }
  });
});
