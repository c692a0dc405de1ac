/** Belgian formatting helpers: dates as dd/mm/jjjj, money as € 2.500,00 (nl-BE conventions). */

const dateFormat = new Intl.DateTimeFormat('nl-BE', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Europe/Brussels' });
const dateTimeFormat = new Intl.DateTimeFormat('nl-BE', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Brussels',
});
const moneyFormat = new Intl.NumberFormat('nl-BE', { style: 'currency', currency: 'EUR' });

/** Formats a date (Date or ISO string) as dd/mm/jjjj in Belgian time. */
export function formatDate(value: Date | string): string {
  return dateFormat.format(typeof value === 'string' ? new Date(value) : value);
}

/** Formats a timestamp as dd/mm/jjjj uu:mm in Belgian time. */
export function formatDateTime(value: Date | string): string {
  return dateTimeFormat.format(typeof value === 'string' ? new Date(value) : value).replace(',', '');
}

/** Formats an amount in euro cents as "€ 2.500,00", with a normal space so it reads and copies well. */
export function formatMoney(cents: number): string {
  return moneyFormat.format(cents / 100).replace(/\u00a0/g, ' ');
}

const numberFormats = new Map<number, Intl.NumberFormat>();

/** Formats a number the Belgian way ("1.234,5"), with at most `maxFractionDigits` decimals. */
export function formatNumber(value: number, maxFractionDigits = 2): string {
  let format = numberFormats.get(maxFractionDigits);
  if (!format) {
    format = new Intl.NumberFormat('nl-BE', { maximumFractionDigits: maxFractionDigits });
    numberFormats.set(maxFractionDigits, format);
  }
  return format.format(value);
}

/** Formats a month "yyyy-mm" as mm/jjjj, the month part of dd/mm/jjjj. */
export function formatMonth(month: string): string {
  const [year, monthNumber] = month.split('-');
  return `${monthNumber}/${year}`;
}
