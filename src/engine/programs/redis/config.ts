import { splitInline } from "./resp";

/** The settings redis-server takes from its config file and `--name value` arguments. */
export interface ServerConfig {
  port: number;
  bind: string;
  dir: string;
  dbfilename: string;
  save: string;
  appendonly: boolean;
  configFile: string | null;
}

/** Parses `redis-server [/path/to/redis.conf] [--option value ...]`; returns an error line on bad input. */
export function parseServerArgs(args: string[], readFile: (path: string) => string): ServerConfig | string {
  const config: ServerConfig = {
    port: 6379,
    bind: "*",
    dir: "./",
    dbfilename: "dump.rdb",
    save: "3600 1 300 100 60 10000",
    appendonly: false,
    configFile: null,
  };
  const lines: string[][] = [];
  let rest = args;
  if (rest[0] && !rest[0].startsWith("--")) {
    config.configFile = rest[0];
    let text: string;
    try {
      text = readFile(rest[0]);
    } catch {
      return `Fatal error, can't open config file '${rest[0]}': No such file or directory`;
    }
    for (const line of text.split("\n")) {
      const words = splitInline(line.trim());
      if (words.length > 0 && !words[0].startsWith("#")) lines.push(words);
    }
    rest = rest.slice(1);
  }
  for (let i = 0; i < rest.length; i++) {
    if (!rest[i].startsWith("--")) continue;
    const words = [rest[i].slice(2)];
    while (i + 1 < rest.length && !rest[i + 1].startsWith("--")) words.push(rest[++i]);
    lines.push(words);
  }
  for (const [name, ...values] of lines) {
    const value = values.join(" ");
    switch (name.toLowerCase()) {
      case "port":
        config.port = Number(value);
        break;
      case "bind":
        config.bind = value;
        break;
      case "dir":
        config.dir = value;
        break;
      case "dbfilename":
        config.dbfilename = value;
        break;
      case "save":
        config.save = value;
        break;
      case "appendonly":
        config.appendonly = value === "yes";
        break;
    }
  }
  return config;
}
