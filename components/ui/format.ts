// Time formatting shared by the console's views: dates in UTC (so server and browser agree), relative times, durations.

/** An ISO time as "2024-05-01 12:00:00 UTC"; "—" when absent, the text itself when it is not a date. */
export function formatDateTime(iso: string | undefined): string {
  if (!iso) return "—";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC");
}

/** How far `targetMs` is from `nowMs`: "in 59 min", "3 s ago". */
export function formatRelative(targetMs: number, nowMs: number): string {
  const diff = targetMs - nowMs;
  const abs = Math.abs(diff);
  const s = Math.round(abs / 1000);
  let text: string;
  if (s < 60) text = `${s} s`;
  else if (s < 3600) text = `${Math.floor(s / 60)} min${s % 60 && s < 600 ? ` ${s % 60} s` : ""}`;
  else if (s < 86400) text = `${Math.floor(s / 3600)} h${Math.floor((s % 3600) / 60) ? ` ${Math.floor((s % 3600) / 60)} min` : ""}`;
  else text = `${Math.floor(s / 86400)} d`;
  return diff >= 0 ? `in ${text}` : `${text} ago`;
}

/** Seconds as "60 min", "1 h", "1 d". */
export function formatDuration(seconds: number): string {
  if (seconds % 86400 === 0) return `${seconds / 86400} d`;
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

const englishPlural = new Intl.PluralRules("en-US");

/** A count with its noun in the right form: "1 target", "2 targets", "0 entries" (pass the plural when it is not noun + "s"). */
export function plural(count: number, one: string, other = `${one}s`): string {
  return `${count.toLocaleString("en-US")} ${englishPlural.select(count) === "one" ? one : other}`;
}
