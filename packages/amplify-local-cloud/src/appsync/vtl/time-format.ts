/** Java `DateTimeFormatter` patterns as AppSync's `$util.time` takes them, for the letters templates use. */
const TOKEN = /'[^']*'|yyyy|yy|MM|M|dd|d|HH|H|hh|h|mm|m|ss|s|SSS|a|XXX|XX|X|Z|z|EEE|E/g;
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function offsetParts(timeZone: string | undefined, date: Date): number {
  if (timeZone === undefined || timeZone === 'UTC' || timeZone === 'Z') return 0;
  const text = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(date).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(text);
  return match === null ? 0 : (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

export function formatTime(epochMillis: number, pattern: string, timeZone?: string): string {
  const instant = new Date(epochMillis);
  const offsetMinutes = offsetParts(timeZone, instant);
  const local = new Date(epochMillis + offsetMinutes * 60_000);
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  const offset = (colon: boolean) => {
    if (offsetMinutes === 0) return 'Z';
    const sign = offsetMinutes < 0 ? '-' : '+';
    const absolute = Math.abs(offsetMinutes);
    return `${sign}${pad(Math.floor(absolute / 60))}${colon ? ':' : ''}${pad(absolute % 60)}`;
  };
  return pattern.replace(TOKEN, (token) => {
    switch (token) {
      case 'yyyy':
        return String(local.getUTCFullYear());
      case 'yy':
        return pad(local.getUTCFullYear() % 100);
      case 'MM':
        return pad(local.getUTCMonth() + 1);
      case 'M':
        return String(local.getUTCMonth() + 1);
      case 'dd':
        return pad(local.getUTCDate());
      case 'd':
        return String(local.getUTCDate());
      case 'HH':
        return pad(local.getUTCHours());
      case 'H':
        return String(local.getUTCHours());
      case 'hh':
        return pad(local.getUTCHours() % 12 || 12);
      case 'h':
        return String(local.getUTCHours() % 12 || 12);
      case 'mm':
        return pad(local.getUTCMinutes());
      case 'm':
        return String(local.getUTCMinutes());
      case 'ss':
        return pad(local.getUTCSeconds());
      case 's':
        return String(local.getUTCSeconds());
      case 'SSS':
        return pad(local.getUTCMilliseconds(), 3);
      case 'a':
        return local.getUTCHours() < 12 ? 'AM' : 'PM';
      case 'XXX':
        return offset(true);
      case 'XX':
      case 'X':
        return offset(false);
      case 'Z':
        return offsetMinutes === 0 ? '+0000' : offset(false);
      case 'z':
        return timeZone ?? 'UTC';
      case 'EEE':
      case 'E':
        return DAYS[local.getUTCDay()];
      default:
        return token.slice(1, -1);
    }
  });
}

/** Parses text written with `pattern` (numeric fields only) to epoch milliseconds. */
export function parseFormattedTime(text: string, pattern: string, timeZone?: string): number {
  const fields: string[] = [];
  let source = '';
  let last = 0;
  for (const match of pattern.matchAll(TOKEN)) {
    source += (pattern.slice(last, match.index).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const token = match[0];
    if (token.startsWith("'")) source += token.slice(1, -1).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else if (/^(XXX|XX|X|Z)$/.test(token)) {
      fields.push('offset');
      source += '(Z|[+-]\\d{2}:?\\d{2})';
    } else {
      fields.push(token);
      source += token === 'a' ? '(AM|PM)' : token === 'EEE' || token === 'E' ? '([A-Za-z]{3})' : '(\\d+)';
    }
    last = (match.index ?? 0) + token.length;
  }
  source += pattern.slice(last).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`^${source}$`).exec(text);
  if (match === null) throw new Error(`'${text}' does not match the format '${pattern}'.`);
  const parts = { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0, millis: 0, offset: undefined as number | undefined, pm: false };
  fields.forEach((field, index) => {
    const value = match[index + 1];
    if (field === 'offset') {
      parts.offset = value === 'Z' ? 0 : (value.startsWith('-') ? -1 : 1) * (Number(value.slice(1, 3)) * 60 + Number(value.slice(-2)));
    } else if (field.startsWith('y')) parts.year = Number(value) + (field === 'yy' ? 2000 : 0);
    else if (field.startsWith('M')) parts.month = Number(value);
    else if (field.startsWith('d')) parts.day = Number(value);
    else if (field.startsWith('H') || field.startsWith('h')) parts.hour = Number(value);
    else if (field.startsWith('m')) parts.minute = Number(value);
    else if (field === 'SSS') parts.millis = Number(value);
    else if (field.startsWith('s')) parts.second = Number(value);
    else if (field === 'a') parts.pm = value === 'PM';
  });
  if (parts.pm && parts.hour < 12) parts.hour += 12;
  const utc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second, parts.millis);
  const offset = parts.offset ?? offsetParts(timeZone, new Date(utc));
  return utc - offset * 60_000;
}
