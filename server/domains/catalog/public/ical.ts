import type { PublicOfferDetail } from '../../../../common/schemas/catalog-public.js';

function icsText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

function icsTime(isoTime: string): string {
  return isoTime.replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** Folds at 75 octets (RFC 5545) without splitting a character: Arabic and Ukrainian titles are multi-byte. */
function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** An offer's upcoming dates as an iCalendar file: one VEVENT per date, with place, page link and coordinates. */
export function offerToIcs(offer: PublicOfferDetail, options: { pageUrl: string; host: string; now?: Date }): string {
  const stamp = icsTime((options.now ?? new Date()).toISOString());
  const place = [offer.locationName, offer.address, [offer.postalCode, offer.locality].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Regiekamer//Aanbod//NL', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  offer.dates.forEach((date, index) => {
    // Without an end time an activity is shown as lasting two hours rather than as a zero-length point.
    const ends = date.endsAt ?? new Date(new Date(date.startsAt).getTime() + 2 * 3_600_000).toISOString();
    lines.push(
      'BEGIN:VEVENT',
      `UID:${offer.id}-${index}@${options.host}`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${icsTime(date.startsAt)}`,
      `DTEND:${icsTime(ends)}`,
      `SUMMARY:${icsText(offer.title)}`,
      `DESCRIPTION:${icsText([offer.description, options.pageUrl].filter(Boolean).join('\n\n'))}`,
      `URL:${options.pageUrl}`,
      ...(place ? [`LOCATION:${icsText(place)}`] : []),
      ...(offer.latitude !== null && offer.longitude !== null ? [`GEO:${offer.latitude};${offer.longitude}`] : []),
      'END:VEVENT',
    );
  });
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
