/** The item's page in the app: what a QR label and the e-mails open. */
export function itemPageUrl(base: string, slug: string, itemId: string): string {
  return `${base.replace(/\/$/, '')}/r/${slug}/uitleendienst/items/${itemId}`;
}
