import { lazyDomainPage } from '../../lazy-domain-page';
import type { DomainPages } from '../../domain-pages';

// Each page is its own chunk, loaded when its route is first shown (with its domain's messages).
const BrokeringHomePage = lazyDomainPage('brokering', () => import('./brokering-home-page').then((m) => ({ default: m.BrokeringHomePage })));
const BrokeringSheetPage = lazyDomainPage('brokering', () => import('./sheet-page').then((m) => ({ default: m.SheetPage })));
const BrokeringIdeasPage = lazyDomainPage('brokering', () => import('./ideas-page').then((m) => ({ default: m.IdeasPage })));

/** The brokering pages: registered through common/domains.ts, mounted by client/app.tsx. */
export const domainPages: DomainPages = {
  region: [
    { path: 'makelaardij', page: BrokeringHomePage },
    { path: 'makelaardij/werkblad/:sheetId', page: BrokeringSheetPage },
    { path: 'makelaardij/samenwerkingsvoorstellen', page: BrokeringIdeasPage },
  ],
};
