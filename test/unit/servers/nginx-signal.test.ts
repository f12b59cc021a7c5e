import { describe, expect, it } from "vitest";
import { parseScript } from "../../../src/sim/script";
import { Simulation } from "../../../src/sim/simulation";

/**
 * `nginx -s` in the official image. The master writes its PID to the `pid` file of
 * nginx.conf (`pid /run/nginx.pid;` in the image's /etc/nginx/nginx.conf); the signaller
 * (ngx_signal_process in src/core/ngx_cycle.c) logs "signal process started" to the error
 * log, /var/log/nginx/error.log -> /dev/stderr, reads the pid file and sends HUP (reload),
 * QUIT (quit) or TERM (stop). On HUP the master reads the configuration again, starts new
 * workers and tells the old ones to quit (ngx_master_process_cycle, ngx_reconfigure).
 */
async function simulate(script: string) {
  const sim = new Simulation({ nodes: 1 });
  await sim.start();
  await sim.run(parseScript(`docker run -d --name web -p 8080:80 nginx\n${script}`));
  return sim.entries.slice(1);
}

const LOG = /^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[notice\] (\d+)#\1: /;

describe("nginx -s in a container", () => {
  it("finds the master through the pid file", async () => {
    const [pid] = await simulate("docker exec web cat /run/nginx.pid\n");
    expect(pid.output).toBe("1\n");
  });

  it("reload: the signaller's notice on stderr, then a new generation of workers", async () => {
    const [reload, logs, curl] = await simulate(
      "docker exec web nginx -s reload\ndocker logs web 2>&1 | sed -n '/SIGHUP/,$p'\ncurl -s -o /dev/null -w '%{http_code}\\n' localhost:8080\n",
    );
    expect(reload.exit).toBe(0);
    expect(reload.output).toMatch(new RegExp(`${LOG.source}signal process started\\n$`));
    const lines = logs.output.trimEnd().split("\n");
    expect(lines[0]).toMatch(/\[notice\] 1#1: signal 1 \(SIGHUP\) received, reconfiguring$/);
    expect(lines[1]).toMatch(/\[notice\] 1#1: reconfiguring$/);
    expect(lines[2]).toMatch(/\[notice\] 1#1: using the "epoll" event method$/);
    expect(lines[3]).toMatch(/\[notice\] 1#1: start worker processes$/);
    expect(lines.some((l) => /\[notice\] (\d+)#\1: gracefully shutting down$/.test(l))).toBe(true);
    expect(lines.at(-1)).toMatch(/\[notice\] 1#1: worker process \d+ exited with code 0$/);
    expect(curl.output).toBe("200\n");
  });

  it("reload with a broken configuration: the signaller fails; a HUP keeps the old one serving", async () => {
    // The signaller parses nginx.conf before it signals (ngx_init_cycle, then
    // ngx_signal_process), so it stops at the error; the master, sent HUP directly, logs
    // it and goes on with the configuration it has (ngx_reconfigure: cycle == NULL).
    const [, reload, hup, curl, emerg] = await simulate(
      "docker exec web sh -c 'echo server { > /etc/nginx/conf.d/bad.conf'\ndocker exec web nginx -s reload\ndocker exec web sh -c 'kill -HUP 1'\ncurl -s -o /dev/null -w '%{http_code}\\n' localhost:8080\ndocker logs web 2>&1 | grep emerg\n",
    );
    expect(reload).toMatchObject({
      output: 'nginx: [emerg] unexpected end of file, expecting "}" in /etc/nginx/conf.d/bad.conf:1\n',
      exit: 1,
    });
    expect(hup.exit).toBe(0);
    expect(curl.output).toBe("200\n");
    expect(emerg.output).toMatch(
      /^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[emerg\] 1#1: unexpected end of file, expecting "}" in \/etc\/nginx\/conf\.d\/bad\.conf:1\n$/,
    );
  });

  it("quit and stop end the master, so the container exits 0", async () => {
    for (const signal of ["quit", "stop"]) {
      const [sent, ps] = await simulate(`docker exec web nginx -s ${signal}\ndocker ps -a --format '{{.Status}}'\n`);
      expect(sent.exit).toBe(0);
      expect(ps.output).toMatch(/^Exited \(0\) /);
    }
  });

  it("without a pid file: the error in the log and on the terminal, status 1", async () => {
    const [sent] = await simulate("docker exec web sh -c 'rm /run/nginx.pid; nginx -s reload'\n");
    const lines = sent.output.split("\n");
    expect(lines[0]).toMatch(new RegExp(`${LOG.source}signal process started$`));
    expect(lines[1]).toMatch(/\[error\] (\d+)#\1: open\(\) "\/run\/nginx\.pid" failed \(2: No such file or directory\)$/);
    expect(lines[2]).toBe('nginx: [error] open() "/run/nginx.pid" failed (2: No such file or directory)');
    expect(sent.exit).toBe(1);
  });
});
