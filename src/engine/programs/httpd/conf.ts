import type { FileSystem } from "../../fs/filesystem";

/** The directives of httpd.conf the model uses (the image's conf/httpd.conf). */
export interface HttpdConf {
  listen: number;
  documentRoot: string;
  serverName: string | null;
  user: string;
  directoryIndex: string[];
}

export const SERVER_ROOT = "/usr/local/apache2";

export function readHttpdConf(fs: FileSystem, path = `${SERVER_ROOT}/conf/httpd.conf`): HttpdConf {
  const conf: HttpdConf = {
    listen: 80,
    documentRoot: `${SERVER_ROOT}/htdocs`,
    serverName: null,
    user: "daemon",
    directoryIndex: ["index.html"],
  };
  let text = "";
  try {
    text = fs.readText(path);
  } catch {
    return conf;
  }
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const [name, ...args] = line.split(/\s+/);
    const value = args.join(" ").replace(/^"(.*)"$/, "$1");
    switch (name.toLowerCase()) {
      case "listen":
        conf.listen = Number(/(\d+)$/.exec(value)?.[1] ?? 80);
        break;
      case "documentroot":
        conf.documentRoot = value;
        break;
      case "servername":
        conf.serverName = value;
        break;
      case "user":
        conf.user = value;
        break;
      case "directoryindex":
        conf.directoryIndex = args;
        break;
    }
  }
  return conf;
}
