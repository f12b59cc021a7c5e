import { EXPRESS_FILES } from "./express-source";

/**
 * The offline npm registry: the packages `npm install` resolves to, as registry.npmjs.org
 * served them when the node images were built (January 2025; `express` is 4.21.2, the
 * `latest` dist-tag then), with each package's dependency ranges and whether its
 * package.json has a `funding` field (npm counts those for "looking for funding").
 */
export interface NpmPackage {
  name: string;
  version: string;
  description: string;
  license: string;
  /** Dependency name → range, as the package's package.json writes them. */
  dependencies: Record<string, string>;
  funding: boolean;
  /** Files of the package besides package.json, relative to its directory. */
  files: Record<string, string>;
}

type Entry = [version: string, deps: string, funding?: 1, description?: string, license?: string];

/** name → [version, "dep@range,dep@range", funding] in registry order. */
const DATA: Record<string, Entry[]> = {
  accepts: [["1.3.8", "mime-types@~2.1.34,negotiator@0.6.3"]],
  "array-flatten": [["1.1.1", ""]],
  "body-parser": [
    [
      "1.20.3",
      "bytes@3.1.2,content-type@~1.0.5,debug@2.6.9,depd@2.0.0,destroy@1.2.0,http-errors@2.0.0,iconv-lite@0.4.24,on-finished@2.4.1,qs@6.13.0,raw-body@2.5.2,type-is@~1.6.18,unpipe@1.0.0",
    ],
  ],
  bytes: [["3.1.2", ""]],
  "call-bind-apply-helpers": [["1.0.1", "es-errors@^1.3.0,function-bind@^1.1.2", 1]],
  "call-bound": [["1.0.3", "call-bind-apply-helpers@^1.0.1,get-intrinsic@^1.2.6", 1]],
  "content-disposition": [["0.5.4", "safe-buffer@5.2.1"]],
  "content-type": [["1.0.5", ""]],
  cookie: [["0.7.1", ""]],
  "cookie-signature": [["1.0.6", ""]],
  debug: [["2.6.9", "ms@2.0.0"]],
  depd: [["2.0.0", ""]],
  destroy: [["1.2.0", ""]],
  "dunder-proto": [["1.0.1", "call-bind-apply-helpers@^1.0.1,es-errors@^1.3.0,gopd@^1.2.0"]],
  "ee-first": [["1.1.1", ""]],
  encodeurl: [
    ["1.0.2", ""],
    ["2.0.0", ""],
  ],
  "es-define-property": [["1.0.1", ""]],
  "es-errors": [["1.3.0", ""]],
  "es-object-atoms": [["1.0.0", "es-errors@^1.3.0"]],
  "escape-html": [["1.0.3", ""]],
  etag: [["1.8.1", ""]],
  express: [
    [
      "4.21.2",
      "accepts@~1.3.8,array-flatten@1.1.1,body-parser@1.20.3,content-disposition@0.5.4,content-type@~1.0.4,cookie@0.7.1,cookie-signature@1.0.6,debug@2.6.9,depd@2.0.0,encodeurl@~2.0.0,escape-html@~1.0.3,etag@~1.8.1,finalhandler@1.3.1,fresh@0.5.2,http-errors@2.0.0,merge-descriptors@1.0.3,methods@~1.1.2,on-finished@2.4.1,parseurl@~1.3.3,path-to-regexp@0.1.12,proxy-addr@~2.0.7,qs@6.13.0,range-parser@~1.2.1,safe-buffer@5.2.1,send@0.19.0,serve-static@1.16.2,setprototypeof@1.2.0,statuses@2.0.1,type-is@~1.6.18,utils-merge@1.0.1,vary@~1.1.2",
      1,
      "Fast, unopinionated, minimalist web framework",
    ],
  ],
  finalhandler: [
    ["1.3.1", "debug@2.6.9,encodeurl@~2.0.0,escape-html@~1.0.3,on-finished@2.4.1,parseurl@~1.3.3,statuses@2.0.1,unpipe@~1.0.0"],
  ],
  forwarded: [["0.2.0", ""]],
  fresh: [["0.5.2", ""]],
  "function-bind": [["1.1.2", "", 1]],
  "get-intrinsic": [
    [
      "1.2.7",
      "call-bind-apply-helpers@^1.0.1,es-define-property@^1.0.1,es-errors@^1.3.0,es-object-atoms@^1.0.0,function-bind@^1.1.2,get-proto@^1.0.0,gopd@^1.2.0,has-symbols@^1.1.0,hasown@^2.0.2,math-intrinsics@^1.1.0",
      1,
    ],
  ],
  "get-proto": [["1.0.1", "dunder-proto@^1.0.1,es-object-atoms@^1.0.0"]],
  gopd: [["1.2.0", "", 1]],
  "has-symbols": [["1.1.0", "", 1]],
  hasown: [["2.0.2", "function-bind@^1.1.2"]],
  "http-errors": [["2.0.0", "depd@2.0.0,inherits@2.0.4,setprototypeof@1.2.0,statuses@2.0.1,toidentifier@1.0.1"]],
  "iconv-lite": [["0.4.24", "safer-buffer@>= 2.1.2 < 3"]],
  inherits: [["2.0.4", "", undefined, "", "ISC"]],
  "ipaddr.js": [["1.9.1", ""]],
  "math-intrinsics": [["1.1.0", "", 1]],
  "media-typer": [["0.3.0", ""]],
  "merge-descriptors": [["1.0.3", "", 1]],
  methods: [["1.1.2", ""]],
  mime: [["1.6.0", ""]],
  "mime-db": [["1.52.0", ""]],
  "mime-types": [["2.1.35", "mime-db@1.52.0"]],
  ms: [
    ["2.0.0", ""],
    ["2.1.3", ""],
  ],
  negotiator: [["0.6.3", ""]],
  "object-inspect": [["1.13.3", "", 1]],
  "on-finished": [["2.4.1", "ee-first@1.1.1"]],
  parseurl: [["1.3.3", ""]],
  "path-to-regexp": [["0.1.12", ""]],
  "proxy-addr": [["2.0.7", "forwarded@0.2.0,ipaddr.js@1.9.1"]],
  qs: [["6.13.0", "side-channel@^1.0.6", 1, "", "BSD-3-Clause"]],
  "range-parser": [["1.2.1", ""]],
  "raw-body": [["2.5.2", "bytes@3.1.2,http-errors@2.0.0,iconv-lite@0.4.24,unpipe@1.0.0"]],
  "safe-buffer": [["5.2.1", "", 1]],
  "safer-buffer": [["2.1.2", ""]],
  send: [
    [
      "0.19.0",
      "debug@2.6.9,depd@2.0.0,destroy@1.2.0,encodeurl@~1.0.2,escape-html@~1.0.3,etag@~1.8.1,fresh@0.5.2,http-errors@2.0.0,mime@1.6.0,ms@2.1.3,on-finished@2.4.1,range-parser@~1.2.1,statuses@2.0.1",
    ],
  ],
  "serve-static": [["1.16.2", "encodeurl@~2.0.0,escape-html@~1.0.3,parseurl@~1.3.3,send@0.19.0"]],
  setprototypeof: [["1.2.0", "", undefined, "", "ISC"]],
  "side-channel": [
    ["1.1.0", "es-errors@^1.3.0,object-inspect@^1.13.3,side-channel-list@^1.0.0,side-channel-map@^1.0.1,side-channel-weakmap@^1.0.2", 1],
  ],
  "side-channel-list": [["1.0.0", "es-errors@^1.3.0,object-inspect@^1.13.3", 1]],
  "side-channel-map": [["1.0.1", "call-bound@^1.0.2,es-errors@^1.3.0,get-intrinsic@^1.2.5,object-inspect@^1.13.3", 1]],
  "side-channel-weakmap": [
    ["1.0.2", "call-bound@^1.0.2,es-errors@^1.3.0,get-intrinsic@^1.2.5,object-inspect@^1.13.3,side-channel-map@^1.0.1", 1],
  ],
  statuses: [["2.0.1", ""]],
  toidentifier: [["1.0.1", ""]],
  "type-is": [["1.6.18", "media-typer@0.3.0,mime-types@~2.1.24"]],
  unpipe: [["1.0.0", ""]],
  "utils-merge": [["1.0.1", ""]],
  vary: [["1.1.2", ""]],
};

function parseDeps(text: string): Record<string, string> {
  const deps: Record<string, string> = {};
  for (const item of text ? text.split(",") : []) {
    const at = item.indexOf("@", 1);
    deps[item.slice(0, at)] = item.slice(at + 1);
  }
  return deps;
}

let registry: Map<string, NpmPackage[]> | null = null;

/** Every version of every package the offline registry holds, oldest first. */
export function npmRegistry(): Map<string, NpmPackage[]> {
  if (registry) return registry;
  registry = new Map();
  for (const [name, entries] of Object.entries(DATA)) {
    registry.set(
      name,
      entries.map(([version, deps, funding, description, license]) => {
        const own = name === "express" ? EXPRESS_FILES : {};
        return {
          name,
          version,
          description: description ?? "",
          license: license ?? "MIT",
          dependencies: parseDeps(deps),
          funding: funding === 1,
          files: own,
        };
      }),
    );
  }
  return registry;
}
