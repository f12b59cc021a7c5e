import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { getopt, type ParsedOptions, UsageError } from "../getopt";
import { programName } from "../program";

const USAGE = `Usage: hostname [-b] {hostname|-F file}         set host name (from file)
       hostname [-a|-A|-d|-f|-i|-I|-s|-y]       display formatted name
       hostname                                 display host name

       {yp,nis,}domainname {nisdomain|-F file}  set NIS domain name (from file)
       {yp,nis,}domainname                      display NIS domain name

       dnsdomainname                            display dns domain name

       hostname -V|--version|-h|--help          print info and exit

Program name:
       {yp,nis,}domainname=hostname -y
       dnsdomainname=hostname -d

Program options:
    -a, --alias            alias names
    -A, --all-fqdns        all long host names (FQDNs)
    -b, --boot             set default hostname if none available
    -d, --domain           DNS domain name
    -f, --fqdn, --long     long host name (FQDN)
    -F, --file             read host name or NIS domain name from given file
    -i, --ip-address       addresses for the host name
    -I, --all-ip-addresses all addresses for the host
    -s, --short            short host name
    -y, --yp, --nis        NIS/YP domain name

Description:
   This command can get or set the host name or the NIS domain name. You can
   also get the DNS domain or the FQDN (fully qualified domain name).
   Unless you are using bind or NIS for host lookups you can change the
   FQDN (Fully Qualified Domain Name) and the DNS domain name (which is
   part of the FQDN) in the /etc/hosts file.
`;

/** Linux's HOST_NAME_MAX. */
const HOST_NAME_MAX = 64;

/** What Debian's hostname(1) exits with after printing its usage. */
const EXIT_USAGE = 255;

/** The display options, each printing one form of the name. */
const FORMS = ["a", "A", "d", "f", "i", "I", "s", "y"];

/**
 * hostname(1) as Debian's hostname 3.23 behaves: shows the name of the UTS namespace,
 * or resolves it through /etc/hosts (the only source of names a playground host has).
 */
export const hostname: Program = async (proc) => {
  const name = programName(proc);
  let opts: ParsedOptions;
  try {
    opts = getopt(proc.argv.slice(1), {
      short: "aAdfF:hiIsyVb",
      long: {
        alias: "a",
        "all-fqdns": "A",
        domain: "d",
        fqdn: "f",
        long: "f",
        file: "F:",
        help: "h",
        "ip-address": "i",
        "all-ip-addresses": "I",
        short: "s",
        yp: "y",
        nis: "y",
        version: "V",
        boot: "b",
      },
    });
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    await proc.stderr.write(`${name}: ${err.message}\n`);
    await proc.stdout.write(USAGE);
    return EXIT_USAGE;
  }
  if (opts.has("h")) {
    await proc.stdout.write(USAGE);
    return EXIT_USAGE;
  }
  if (opts.has("V")) {
    await proc.stdout.write("hostname 3.23\n");
    return 0;
  }
  const file = opts.get("F");
  if (file !== undefined || opts.operands.length > 0) {
    if (opts.operands.length > 1) {
      await proc.stdout.write(USAGE);
      return EXIT_USAGE;
    }
    let wanted: string | undefined = opts.operands[0];
    if (file !== undefined) {
      try {
        wanted = proc.fs
          .readText(proc.resolve(file))
          .split("\n")
          .map((l) => l.trim())
          .find((l) => l !== "" && !l.startsWith("#"));
      } catch {
        await proc.stderr.write(`${name}: No such file or directory\n`);
        return 1;
      }
      if (wanted === undefined) return 0;
    }
    return setName(proc, name, wanted);
  }
  const form = [...opts.list].reverse().find(([opt]) => FORMS.includes(opt))?.[0];
  if (form === undefined) {
    await proc.stdout.write(`${proc.hostname}\n`);
    return 0;
  }
  return show(proc, name, form);
};

async function setName(proc: Process, name: string, wanted: string): Promise<number> {
  if (proc.uid !== 0) {
    await proc.stderr.write(`${name}: you must be root to change the host name\n`);
    return 1;
  }
  if (wanted.length > HOST_NAME_MAX) {
    await proc.stderr.write(`${name}: name too long\n`);
    return 1;
  }
  // Letters, digits, dots and hyphens, with no hyphen or dot at either end (RFC 1123).
  if (!/^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/.test(wanted) || wanted.includes("..")) {
    await proc.stderr.write(`${name}: the specified hostname is invalid\n`);
    return 1;
  }
  proc.hostname = wanted;
  return 0;
}

/** The lines of /etc/hosts: an address and its names. */
function hostsEntries(proc: Process): Array<{ address: string; names: string[] }> {
  let text = "";
  try {
    text = proc.fs.readText("/etc/hosts");
  } catch {
    return [];
  }
  return text
    .split("\n")
    .map((line) => line.replace(/#.*/, "").trim().split(/\s+/))
    .filter((fields) => fields.length >= 2 && fields[0] !== "")
    .map(([address, ...names]) => ({ address, names }));
}

async function show(proc: Process, name: string, form: string): Promise<number> {
  const host = proc.hostname;
  const out = (text: string) => proc.stdout.write(`${text}\n`);
  switch (form) {
    case "s":
      await out(host.split(".")[0]);
      return 0;
    case "I":
      await out(proc.addresses.map((a) => `${a} `).join(""));
      return 0;
    case "y":
      await proc.stderr.write(`${name}: Local domain name not set\n`);
      return 1;
    case "A": {
      const entries = hostsEntries(proc);
      const names = proc.addresses.flatMap((a) => entries.find((e) => e.address === a)?.names[0] ?? []);
      await out(names.map((n) => `${n} `).join(""));
      return 0;
    }
  }
  // getaddrinfo(hostname) through /etc/hosts: its lines, the first one giving the canonical name.
  const entries = hostsEntries(proc).filter((e) => e.names.includes(host));
  if (entries.length === 0) {
    await proc.stderr.write(`${name}: Name or service not known\n`);
    return 1;
  }
  const canonical = entries[0].names[0];
  switch (form) {
    case "i":
      await out([...new Set(entries.map((e) => e.address))].join(" "));
      return 0;
    case "f":
      await out(canonical);
      return 0;
    case "d":
      await out(canonical.includes(".") ? canonical.slice(canonical.indexOf(".") + 1) : "");
      return 0;
    case "a":
      await out(entries[0].names.slice(1).join(" "));
      return 0;
  }
  return 0;
}
