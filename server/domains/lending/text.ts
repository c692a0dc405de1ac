/** Lower case, accents and surrounding space removed: how names from a file are matched. */
export function foldForMatch(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').trim().toLowerCase().replace(/\s+/g, ' ');
}
