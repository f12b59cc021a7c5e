const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** The thread id of the main thread in the error log (deterministic, glibc-looking). */
export const MAIN_TID = 140245791397760;

/** ErrorLogFormat's default time: `[Mon Jan 01 00:00:00.000000 2026]`. */
export function errorTime(ms: number): string {
  const d = new Date(ms);
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}000`;
  return `[${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${time} ${d.getUTCFullYear()}]`;
}

export function errorLine(ms: number, module: string, level: string, pid: number, text: string): string {
  return `${errorTime(ms)} [${module}:${level}] [pid ${pid}:tid ${MAIN_TID}] ${text}\n`;
}

/** The `common` LogFormat: `%h %l %u %t "%r" %>s %b`. */
export function accessLine(ms: number, remote: string, requestLine: string, status: number, bytes: number): string {
  const d = new Date(ms);
  const t = `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
  return `${remote} - - [${t}] "${requestLine}" ${status} ${bytes === 0 ? "-" : bytes}\n`;
}
