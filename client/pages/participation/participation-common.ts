/** The module's page addresses under /r/:slug/cooperatie. */
export const participationPaths = {
  polls: (slug: string) => `/r/${slug}/cooperatie/stemrondes`,
  poll: (slug: string, id: string) => `/r/${slug}/cooperatie/stemrondes/${id}`,
  surveys: (slug: string) => `/r/${slug}/cooperatie/bevragingen`,
  newSurvey: (slug: string) => `/r/${slug}/cooperatie/bevragingen/nieuw`,
  survey: (slug: string, id: string) => `/r/${slug}/cooperatie/bevragingen/${id}`,
};

/** A text in the wanted language, else Dutch. */
export function inLanguage(text: Record<string, string>, language: string): string {
  return text[language] || text.nl || '';
}

