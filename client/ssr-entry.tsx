import { StrictMode } from 'react';
import { prerender } from 'react-dom/static';
import { StaticRouter } from 'react-router';
import { I18nextProvider } from 'react-i18next';
import { AppRoutes } from './app';
import { provideInitialData } from './api';
import { i18n, switchLocaleForServerRender } from './i18n';
import type { Locale } from '../common/i18n/index.js';

/**
 * The server-side renderer of a public page's first view (decision 025): the same components as the
 * browser, on the same embedded API answers, so the offers are in the HTML and on screen before the
 * scripts arrive; the browser then hydrates this markup instead of drawing it again.
 */

// The i18n instance and the embedded answers are module state shared by the app's components, so
// renders take turns; one takes a few milliseconds.
let queue: Promise<unknown> = Promise.resolve();

async function renderOnce(location: string): Promise<string> {
  const { prelude } = await prerender(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <StaticRouter location={location}>
          <AppRoutes />
        </StaticRouter>
      </I18nextProvider>
    </StrictMode>,
    // A large boundary would otherwise come out of line, hidden until an inline script swaps it in.
    { progressiveChunkSize: Number.POSITIVE_INFINITY },
  );
  return new Response(prelude).text();
}

/** The markup of the app at this address, in this language, from these embedded API answers. */
export function renderFirstView(location: string, locale: Locale, data: Record<string, unknown>): Promise<string> {
  const turn = queue.then(async () => {
    await switchLocaleForServerRender(locale);
    // A page's lazy chunk suspends its first render in this process; its markup then comes as a
    // hidden segment swapped in by an inline script. Once loaded it renders in place: render again.
    let markup = '';
    for (let attempt = 0; attempt < 3; attempt++) {
      provideInitialData(data);
      markup = await renderOnce(location);
      if (!markup.includes('<template id="B:')) break;
    }
    return markup;
  });
  queue = turn.catch(() => undefined);
  return turn;
}
