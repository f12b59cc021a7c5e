import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { isIPv4 } from "../../net/ipv4";
import { showUsage } from "./usage";

const USAGE = `nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]

Query DNS about HOST

QUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,any,srv,ptr`;

/** parse_resolvconf(): the first `nameserver` of /etc/resolv.conf; 127.0.0.1 when there is none. */
function nameserver(proc: Process): string {
  let text = "";
  try {
    text = proc.fs.readText("/etc/resolv.conf");
  } catch {
    // No resolv.conf: busybox falls back to localhost.
  }
  for (const line of text.split("\n")) {
    const [key, value] = line.trim().split(/\s+/);
    if (key === "nameserver" && value) return value;
  }
  return "127.0.0.1";
}

/**
 * nslookup, busybox 1.37 (networking/nslookup.c): sends an A and an AAAA query for HOST
 * and prints each reply as it comes ("Non-authoritative answer:" and `Name:\tHOST` /
 * `Address: IP` lines, or `** server can't find HOST: NXDOMAIN`), each followed by an
 * empty line. The playground's names come from the container's resolver (Docker's
 * embedded DNS); containers have no IPv6, so the AAAA answer of a known name is empty.
 * Names nobody knows are NXDOMAIN, and the exit status is then 1.
 */
export const nslookup: Program = async (proc) => {
  const args = proc.argv.slice(1).filter((a) => !a.startsWith("-"));
  if (args.length < 1 || args.length > 2) return showUsage(proc, USAGE);
  const [host, server = nameserver(proc)] = args;
  const serverAddress = proc.resolveHost(server);
  if (serverAddress === null) {
    await proc.stderr.write(`nslookup: bad address '${server}'\n`);
    return 1;
  }
  let out = `Server:\t\t${server}\nAddress:\t${serverAddress}:53\n\n`;
  if (isIPv4(host)) {
    // A PTR query: Docker's DNS knows no reverse names for the playground's addresses here.
    const ptr = `${host.split(".").reverse().join(".")}.in-addr.arpa`;
    await proc.stdout.write(`${out}** server can't find ${ptr}: NXDOMAIN\n\n`);
    return 1;
  }
  const address = proc.resolveHost(host);
  if (address === null) {
    out += `** server can't find ${host}: NXDOMAIN\n\n`.repeat(2);
    await proc.stdout.write(out);
    return 1;
  }
  out += `Non-authoritative answer:\nName:\t${host}\nAddress: ${address}\n\nNon-authoritative answer:\n\n`;
  await proc.stdout.write(out);
  return 0;
};
