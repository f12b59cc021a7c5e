import { exitCodeOf } from "../../kernel/errno";
import type { Process } from "../../kernel/process";
import { installedVersion, lockfiles, type Project, writePackages } from "../../packages/npm/install";
import { buildTree, type Placed } from "../../packages/npm/tree";

/** The npm the node images ship beside Node 23.7.0 when no package.json says otherwise. */
const FALLBACK_VERSION = "10.9.2";

interface Npm {
  proc: Process;
  version: string;
  out: (text: string) => Promise<void>;
  started: number;
}

/** npm's own version: the package.json beside bin/npm-cli.js. */
function npmVersion(proc: Process, cli: string): string {
  try {
    const json = JSON.parse(proc.fs.readText(cli.replace(/\/bin\/npm-cli\.js$/, "/package.json"))) as { version?: string };
    return json.version ?? FALLBACK_VERSION;
  } catch {
    return FALLBACK_VERSION;
  }
}

/** lib/utils/display.js and log-file.js: each error line prefixed, then where the debug log went. */
async function fail(npm: Npm, lines: string[], status = 1): Promise<number> {
  const stamp = new Date(npm.proc.now()).toISOString().replace(/[:.]/g, "_");
  const home = npm.proc.env.HOME || "/root";
  const text = [...lines, `A complete log of this run can be found in: ${home}/.npm/_logs/${stamp}-debug-0.log`]
    .map((l) => (l ? `npm error ${l}` : "npm error"))
    .join("\n");
  await npm.proc.stderr.write(`${text}\n`);
  return status;
}

/** The `ms` package's short form npm prints after "in": 345ms, 2s, 1m. */
function elapsed(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${Math.round(ms / 1000)}s`;
  return `${Math.round(ms / 60_000)}m`;
}

function readProject(npm: Npm, path: string): Project | null {
  try {
    return JSON.parse(npm.proc.fs.readText(path)) as Project;
  } catch {
    return null;
  }
}

function writeJson(npm: Npm, path: string, value: unknown): string {
  const text = `${JSON.stringify(value, null, 2)}\n`;
  npm.proc.fs.writeFile(path, text);
  return text;
}

async function missingPackageJson(npm: Npm, path: string): Promise<number> {
  return fail(
    npm,
    [
      "code ENOENT",
      "syscall open",
      `path ${path}`,
      "errno -2",
      `enoent Could not read package.json: Error: ENOENT: no such file or directory, open '${path}'`,
      "enoent This is related to npm not being able to find a file.",
      "enoent",
    ],
    254,
  );
}

/** npm init -y: init-package-json's defaults for the directory, printed as npm 10 prints them. */
async function init(npm: Npm, args: string[]): Promise<number> {
  const { proc } = npm;
  const path = `${proc.cwd === "/" ? "" : proc.cwd}/package.json`;
  if (!args.some((a) => a === "-y" || a === "--yes")) {
    return fail(npm, ["code EINIT", "npm init asks questions on a terminal: use `npm init -y` here"]);
  }
  const base = proc.cwd.split("/").pop() || "root";
  const existing = readProject(npm, path) ?? {};
  const json: Project = {
    name: existing.name ?? base.toLowerCase().replace(/[^a-z0-9._~-]/g, "-"),
    version: existing.version ?? "1.0.0",
    main: (existing.main as string | undefined) ?? "index.js",
    scripts: existing.scripts ?? { test: 'echo "Error: no test specified" && exit 1' },
    keywords: existing.keywords ?? [],
    author: existing.author ?? "",
    license: existing.license ?? "ISC",
    description: existing.description ?? "",
  };
  if (existing.dependencies) json.dependencies = existing.dependencies;
  if (existing.devDependencies) json.devDependencies = existing.devDependencies;
  const text = writeJson(npm, path, json);
  await npm.out(`Wrote to ${path}:\n\n${text}\n\n`);
  return 0;
}

/** npm install / i / add: package.json's dependencies and the named packages, into node_modules. */
async function install(npm: Npm, args: string[]): Promise<number> {
  const { proc } = npm;
  const dir = proc.cwd === "/" ? "" : proc.cwd;
  const path = `${dir}/package.json`;
  const flags = new Set(args.filter((a) => a.startsWith("-")));
  const omitDev =
    flags.has("--production") ||
    flags.has("--omit=dev") ||
    args.some((a, i) => a === "--omit" && args[i + 1] === "dev") ||
    proc.env.NODE_ENV === "production";
  const saveDev = flags.has("-D") || flags.has("--save-dev");
  const noSave = flags.has("--no-save");
  const names = args.filter((a, i) => !a.startsWith("-") && args[i - 1] !== "--omit");
  let project = readProject(npm, path);
  if (!project && names.length === 0) return missingPackageJson(npm, path);
  project ??= {};

  const wanted: Record<string, string> = {};
  for (const spec of names) {
    const at = spec.indexOf("@", 1);
    wanted[at < 0 ? spec : spec.slice(0, at)] = at < 0 ? "latest" : spec.slice(at + 1);
  }
  const deps = { ...(project.dependencies ?? {}) };
  const devDeps = { ...(project.devDependencies ?? {}) };
  for (const [name, range] of Object.entries(wanted)) {
    if (saveDev) {
      delete deps[name];
      devDeps[name] = range;
    } else {
      delete devDeps[name];
      deps[name] = range;
    }
  }
  const tree = buildTree(deps, omitDev ? {} : devDeps);
  if (!tree.ok) {
    await proc.sleep(300);
    if (tree.known) {
      return fail(npm, [
        "code ETARGET",
        `notarget No matching version found for ${tree.name}@${tree.range}.`,
        "notarget In most cases you or one of your dependencies are requesting",
        "notarget a package version that doesn't exist.",
      ]);
    }
    return fail(npm, [
      "code E404",
      `404 Not Found - GET https://registry.npmjs.org/${tree.name.replace("/", "%2f")} - Not found`,
      "404",
      `404  '${tree.name}@${tree.range === "latest" ? "*" : tree.range}' is not in this registry.`,
      "404",
      "404 Note that you can also install from a",
      "404 tarball, folder, http url, or git url.",
    ]);
  }
  // What was asked with no range is saved as ^<version installed>, as npm's default save-prefix.
  const top = new Map(tree.placed.filter((p) => !p.location.includes("/", "node_modules/".length)).map((p) => [p.pkg.name, p]));
  for (const [name, range] of Object.entries(wanted)) {
    const saved = range === "latest" || range === "*" ? `^${top.get(name)?.pkg.version}` : range;
    if (name in deps) deps[name] = saved;
    if (name in devDeps) devDeps[name] = saved;
  }
  const fresh: Placed[] = tree.placed.filter((p) => installedVersion(proc.fs, dir, p.location) !== p.pkg.version);
  // Fetching and unpacking take time in proportion to what is new.
  await proc.sleep(400 + fresh.length * 25);
  writePackages(proc.fs, dir, fresh);
  if (Object.keys(deps).length) project.dependencies = sortKeys(deps);
  if (Object.keys(devDeps).length) project.devDependencies = sortKeys(devDeps);
  if (!noSave && (names.length > 0 || readProject(npm, path) !== null)) {
    if (names.length > 0) writeJson(npm, path, project);
    const { lock, hidden } = lockfiles(project, tree.placed);
    proc.fs.writeFile(`${dir}/package-lock.json`, lock);
    if (tree.placed.length > 0) proc.fs.writeFile(`${dir}/node_modules/.package-lock.json`, hidden);
  }
  const audited = tree.placed.length + 1;
  const funding = tree.placed.filter((p) => p.pkg.funding).length;
  // lib/utils/reify-output.js: the summary, the funding note, then the audit report's verdict.
  const took = elapsed(proc.now() - npm.started);
  const summary =
    fresh.length === 0
      ? `up to date, audited ${audited} package${audited === 1 ? "" : "s"} in ${took}`
      : `added ${fresh.length} package${fresh.length === 1 ? "" : "s"}, and audited ${audited} package${audited === 1 ? "" : "s"} in ${took}`;
  let text = `\n${summary}\n`;
  if (funding > 0) {
    text += `\n${funding} package${funding === 1 ? " is" : "s are"} looking for funding\n  run \`npm fund\` for details\n`;
  }
  text += "\nfound 0 vulnerabilities\n";
  await npm.out(text);
  return 0;
}

function sortKeys(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** npm run / start / test: the script through sh, with node_modules/.bin first on PATH. */
async function runScript(npm: Npm, event: string | undefined, extra: string[]): Promise<number> {
  const { proc } = npm;
  const dir = proc.cwd === "/" ? "" : proc.cwd;
  const path = `${dir}/package.json`;
  const project = readProject(npm, path);
  if (!project) return missingPackageJson(npm, path);
  const scripts = (project.scripts ?? {}) as Record<string, string>;
  if (event === undefined) {
    const names = Object.keys(scripts);
    if (names.length === 0) return 0;
    const id = project.name ? `${project.name}@${project.version ?? ""}` : "";
    let text = `Scripts available in ${id} via \`npm run-script\`:\n`;
    for (const name of names) text += `  ${name}\n    ${scripts[name]}\n`;
    await npm.out(text);
    return 0;
  }
  let cmd = scripts[event];
  // npm start without a start script runs server.js (lib/commands/run-script.js's default).
  if (cmd === undefined && event === "start" && proc.fs.exists(`${dir}/server.js`)) cmd = "node server.js";
  if (cmd === undefined) {
    const lines = [`Missing script: "${event}"`, ""];
    if (event === "start") {
      lines.push(
        "Did you mean one of these?",
        "  npm star # Mark your favorite packages",
        "  npm stars # View packages marked as favorites",
        "",
      );
    }
    lines.push("To see a list of scripts, run:", "  npm run");
    return fail(npm, lines);
  }
  const command = extra.length ? `${cmd} ${extra.join(" ")}` : cmd;
  const id = project.name ? `${project.name}@${project.version ?? ""}` : dir;
  // @npmcli/run-script's banner: a blank line, the package and event, the command, a blank line.
  await npm.out(`\n> ${id} ${event}\n> ${command}\n\n`);
  const bins: string[] = [];
  for (let d = dir; ; d = d.slice(0, d.lastIndexOf("/"))) {
    bins.push(`${d}/node_modules/.bin`);
    if (!d) break;
  }
  const env = {
    ...proc.env,
    PATH: `${bins.join(":")}:${proc.env.PATH ?? ""}`,
    npm_lifecycle_event: event,
    npm_lifecycle_script: cmd,
    npm_package_name: String(project.name ?? ""),
    npm_package_version: String(project.version ?? ""),
    npm_package_json: path,
    npm_command: event === "start" || event === "test" ? event : "run-script",
    INIT_CWD: proc.cwd,
  };
  const sh = proc.which("sh") ?? "/bin/sh";
  const exe = proc.executable(sh, ["sh", "-c", command]);
  const pid = proc.spawn({ argv: exe.argv, program: exe.program, env, fds: { 0: 0, 1: 1, 2: 2 } });
  const code = exitCodeOf(await proc.wait(pid));
  if (code === 0) return 0;
  return fail(
    npm,
    [`Lifecycle script \`${event}\` failed with error:`, `code ${code}`, `path ${proc.cwd}`, `command failed`, `command sh -c ${command}`],
    code,
  );
}

/** npm ls: the project and its direct dependencies, as archy draws them. */
async function list(npm: Npm): Promise<number> {
  const { proc } = npm;
  const dir = proc.cwd === "/" ? "" : proc.cwd;
  const project = readProject(npm, `${dir}/package.json`) ?? {};
  const names = Object.keys({ ...(project.dependencies ?? {}), ...(project.devDependencies ?? {}) }).sort();
  const head = project.name ? `${project.name}@${project.version ?? ""} ${proc.cwd}` : proc.cwd;
  const lines = names.map((name, i) => {
    const branch = i === names.length - 1 ? "└──" : "├──";
    const version = installedVersion(proc.fs, dir, `node_modules/${name}`);
    return version ? `${branch} ${name}@${version}` : `${branch} UNMET DEPENDENCY ${name}@${project.dependencies?.[name] ?? ""}`;
  });
  await npm.out(`${[head, ...(lines.length ? lines : ["└── (empty)"])].join("\n")}\n\n`);
  return 0;
}

/**
 * npm's command line (npm 10): init, install, start/test/run, ls and -v, against the
 * offline registry (src/engine/packages/npm). Reached through node running bin/npm-cli.js,
 * as the npm symlink's #! line does.
 */
export async function npmCli(proc: Process, args: string[], cli: string): Promise<number> {
  const npm: Npm = { proc, version: npmVersion(proc, cli), out: (t) => proc.stdout.write(t), started: proc.now() };
  const [command, ...rest] = args;
  switch (command) {
    case "-v":
    case "--version":
    case "version":
      if (command === "version") return fail(npm, ["npm version shows a package's versions; use `npm -v` for npm's"]);
      await npm.out(`${npm.version}\n`);
      return 0;
    case "init":
    case "create":
      return init(npm, rest);
    case "install":
    case "i":
    case "add":
    case "in":
    case "ci":
      return install(npm, rest);
    case "start":
    case "test":
    case "t":
    case "stop":
    case "restart":
      return runScript(
        npm,
        command === "t" ? "test" : command,
        rest.filter((a) => a !== "--"),
      );
    case "run":
    case "run-script":
      return runScript(
        npm,
        rest[0],
        rest.slice(1).filter((a) => a !== "--"),
      );
    case "ls":
    case "list":
      return list(npm);
    case undefined:
      await npm.out(
        `npm <command>\n\nUsage:\n\nnpm install        install all the dependencies in your project\nnpm install <foo>  add the <foo> dependency to your project\nnpm test           run this project's tests\nnpm run <foo>      run the script named <foo>\nnpm <command> -h   quick help on <command>\nnpm -l             display usage info for all commands\nnpm help <term>    search for help on <term>\nnpm help npm       more involved overview\n\nAll commands:\n\n    access, adduser, audit, bugs, cache, ci, completion,\n    config, dedupe, deprecate, diff, dist-tag, docs, doctor,\n    edit, exec, explain, explore, find-dupes, fund, get, help,\n    help-search, init, install, install-ci-test, install-test,\n    link, ll, login, logout, ls, org, outdated, owner, pack,\n    ping, pkg, prefix, profile, prune, publish, query, rebuild,\n    repo, restart, root, run-script, sbom, search, set,\n    shrinkwrap, star, stars, start, stop, team, test, token,\n    undeprecate, uninstall, unpublish, unstar, update, version,\n    view, whoami\n\nSpecify configs in the ini-formatted file:\n    ${proc.env.HOME || "/root"}/.npmrc\nor on the command line via: npm <command> --key=value\n\nMore configuration info: npm help config\nConfiguration fields: npm help 7 config\n\nnpm@${npm.version} ${cli.replace(/\/bin\/npm-cli\.js$/, "")}\n`,
      );
      return 1;
    default:
      return fail(npm, [`Unknown command: "${command}"`, "", "To see a list of supported npm commands, run:", "  npm help"]);
  }
}
