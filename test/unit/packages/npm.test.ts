// npm 10 against the offline registry. Expected texts follow npm's source: lib/commands/init.js
// ("Wrote to <path>:" then the package.json), lib/utils/reify-output.js ("added N packages, and
// audited N+1 packages in 2s", the funding note, "found 0 vulnerabilities"), @npmcli/run-script's
// banner ("> name@version start" / "> command"), and lib/commands/ls.js's archy tree.
import { describe, expect, it } from "vitest";
import { binaryContent } from "../../../src/engine/kernel/exec";
import { satisfies } from "../../../src/engine/packages/npm/semver";
import { buildTree } from "../../../src/engine/packages/npm/tree";
import { sh } from "../harness";

const setup = (fs: import("../../../src/engine/fs/memfs").MemFileSystem) => {
  fs.writeFile("/usr/local/bin/node", binaryContent("node"), { mode: 0o755 });
  fs.mkdir("/usr/local/lib/node_modules/npm/bin", { recursive: true });
  fs.writeFile("/usr/local/lib/node_modules/npm/bin/npm-cli.js", "#!/usr/bin/env node\n", { mode: 0o755 });
  fs.writeFile("/usr/local/lib/node_modules/npm/package.json", '{"name":"npm","version":"10.9.2"}\n');
  fs.symlink("../lib/node_modules/npm/bin/npm-cli.js", "/usr/local/bin/npm");
};
const npm = (script: string, files: Record<string, string> = {}) =>
  sh(script, { files: { "/app/": "", ...files }, cwd: "/app", setup, env: { NODE_VERSION: "23.7.0" } });

describe("npm registry", () => {
  it("matches node-semver ranges", () => {
    expect(satisfies("1.3.8", "~1.3.8")).toBe(true);
    expect(satisfies("1.4.0", "~1.3.8")).toBe(false);
    expect(satisfies("2.1.2", ">= 2.1.2 < 3")).toBe(true);
    expect(satisfies("1.2.7", "^1.2.6")).toBe(true);
    expect(satisfies("2.0.0", "^1.2.6")).toBe(false);
  });

  it("hoists express's tree and nests the versions that conflict", () => {
    const tree = buildTree({ express: "^4.21.2" }, {});
    if (!tree.ok) throw new Error("unresolved");
    const at = Object.fromEntries(tree.placed.map((p) => [p.location, p.pkg.version]));
    expect(at["node_modules/express"]).toBe("4.21.2");
    expect(at["node_modules/ms"]).toBe("2.0.0");
    expect(at["node_modules/send/node_modules/ms"]).toBe("2.1.3");
    expect(at["node_modules/send/node_modules/encodeurl"]).toBe("1.0.2");
    expect(at["node_modules/encodeurl"]).toBe("2.0.0");
    expect(tree.placed.length).toBe(69);
  });
});

describe("npm", () => {
  it("prints its version", async () => {
    expect((await npm("npm -v")).stdout).toBe("10.9.2\n");
  });

  it("init -y writes and prints package.json", async () => {
    const r = await npm("npm init -y");
    expect(r.stdout).toBe(
      'Wrote to /app/package.json:\n\n{\n  "name": "app",\n  "version": "1.0.0",\n  "main": "index.js",\n  "scripts": {\n    "test": "echo \\"Error: no test specified\\" && exit 1"\n  },\n  "keywords": [],\n  "author": "",\n  "license": "ISC",\n  "description": ""\n}\n\n\n',
    );
    expect(r.fs.readText("/app/package.json")).toContain('"name": "app"');
  });

  it("installs express into node_modules, saves it and writes the lockfile", async () => {
    const r = await npm("npm init -y >/dev/null && npm install express && ls node_modules | head -3 && npm ls && npm i");
    expect(r.stdout).toMatch(
      /^\nadded 69 packages, and audited 70 packages in \ds\n\n16 packages are looking for funding\n {2}run `npm fund` for details\n\nfound 0 vulnerabilities\naccepts\narray-flatten\nbody-parser\napp@1\.0\.0 \/app\n└── express@4\.21\.2\n\n\nup to date, audited 70 packages in \d+m?s\n/,
    );
    const pkg = JSON.parse(r.fs.readText("/app/package.json"));
    expect(pkg.dependencies).toEqual({ express: "^4.21.2" });
    const lock = JSON.parse(r.fs.readText("/app/package-lock.json"));
    expect(lock.packages["node_modules/send/node_modules/ms"].version).toBe("2.1.3");
    expect(JSON.parse(r.fs.readText("/app/node_modules/qs/package.json")).version).toBe("6.13.0");
  });

  it("fails like npm on a package the registry lacks and without package.json", async () => {
    const r = await npm("npm install no-such-pkg; echo $?; npm install; echo $?");
    expect(r.stderr).toContain("npm error 404  'no-such-pkg@*' is not in this registry.\n");
    expect(r.stderr).toContain(
      "npm error enoent Could not read package.json: Error: ENOENT: no such file or directory, open '/app/package.json'\n",
    );
    expect(r.stdout).toBe("1\n254\n");
  });

  it("npm start and npm run put the banner before the script's output", async () => {
    const files = {
      "/app/package.json": JSON.stringify({
        name: "web",
        version: "0.2.0",
        scripts: { start: "node index.js", hi: "echo $npm_lifecycle_event" },
      }),
      "/app/index.js": 'console.log("started");\n',
    };
    const r = await npm("npm start && npm run hi && npm run nope", files);
    expect(r.stdout).toBe("\n> web@0.2.0 start\n> node index.js\n\nstarted\n\n> web@0.2.0 hi\n> echo $npm_lifecycle_event\n\nhi\n");
    expect(r.stderr).toMatch(
      /^npm error Missing script: "nope"\nnpm error\nnpm error To see a list of scripts, run:\nnpm error {3}npm run\nnpm error A complete log/,
    );
    expect(r.status).toBe(1);
  });
});
