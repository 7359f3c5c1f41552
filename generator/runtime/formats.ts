/**
 * String formats the guards check when a spec sets `options.check_formats`: the RFC 3339 dates and
 * times, e-mail addresses, host names, IP addresses and UUIDs, with the same answers as
 * ajv-formats' "full" mode (a test compares them on generated strings).
 */

const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && leap ? 29 : DAYS[month]!);
}

function isTime(text: string): boolean {
  const m = /^(\d{2}):(\d{2}):(\d{2}(?:\.\d+)?)(z|([+-])(\d{2})(?::?(\d{2}))?)$/i.exec(text);
  if (!m) return false;
  const [hour, minute, second] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const sign = m[5] === "-" ? -1 : 1;
  const [offsetHour, offsetMinute] = [Number(m[6] ?? 0), Number(m[7] ?? 0)];
  if (offsetHour > 23 || offsetMinute > 59) return false;
  if (hour <= 23 && minute <= 59 && second < 60) return true;
  // A leap second is 23:59:60 in UTC, whatever the offset.
  const utcMinute = minute - offsetMinute * sign;
  const utcHour = hour - offsetHour * sign - (utcMinute < 0 ? 1 : 0);
  return (utcHour === 23 || utcHour === -1) && (utcMinute === 59 || utcMinute === -1) && second < 61;
}

function isDateTime(text: string): boolean {
  const parts = text.split(/t|\s/i);
  return parts.length === 2 && isDate(parts[0]!) && isTime(parts[1]!);
}

const LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
const HOSTNAME = new RegExp(`^(?=.{1,253}\\.?$)${LABEL}(?:\\.${LABEL})*\\.?$`, "i");
const OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
const IPV4 = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);

function isIpv6(text: string): boolean {
  // Eight groups of up to four hex digits; `::` once stands for a run of zero groups; the last
  // two groups may be written as an IPv4 address.
  let groups = text;
  const lastColon = text.lastIndexOf(":");
  const tail = text.slice(lastColon + 1);
  if (tail.includes(".")) {
    if (lastColon === -1 || !IPV4.test(tail)) return false;
    groups = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const hex = (group: string) => /^[0-9a-f]{1,4}$/i.test(group);
  const doubled = groups.indexOf("::");
  if (doubled !== groups.lastIndexOf("::")) return false;
  if (doubled === -1) return groups.split(":").length === 8 && groups.split(":").every(hex);
  const parts = (part: string) => (part === "" ? [] : part.split(":"));
  const named = [...parts(groups.slice(0, doubled)), ...parts(groups.slice(doubled + 2))];
  return named.length <= 7 && named.every(hex);
}

// RFC 5322's dot-atom local part (no quoted strings), and a domain of two or more labels.
const ATOM = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+$/;
const DOMAIN_LABEL = /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?$/;

function isEmail(text: string): boolean {
  const at = text.lastIndexOf("@");
  if (at <= 0) return false;
  const local = text.slice(0, at).split(".");
  const domain = text.slice(at + 1).split(".");
  return local.every((atom) => ATOM.test(atom)) && domain.length >= 2 && domain.every((l) => DOMAIN_LABEL.test(l));
}

function isUuid(text: string): boolean {
  const hex = text.startsWith("urn:uuid:") ? text.slice(9) : text;
  const groups = hex.split("-");
  return groups.length === 5 && groups.every((g, i) => g.length === [8, 4, 4, 4, 12][i] && /^[0-9a-fA-F]+$/.test(g));
}

/** Each checked format's test. */
export const FORMATS: Readonly<Record<string, (text: string) => boolean>> = {
  date: isDate,
  time: isTime,
  "date-time": isDateTime,
  email: isEmail,
  hostname: (text) => HOSTNAME.test(text),
  ipv4: (text) => IPV4.test(text),
  ipv6: isIpv6,
  uuid: isUuid,
};
