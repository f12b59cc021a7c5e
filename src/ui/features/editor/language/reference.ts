/**
 * The Dockerfile reference in brief (https://docs.docker.com/reference/dockerfile/): each
 * instruction's syntax and purpose, and the flags it takes, for completion and hover.
 */

export interface FlagDoc {
  name: string;
  /** What follows `=`, as the reference writes it. */
  value: string;
  doc: string;
}

export interface InstructionDoc {
  name: string;
  syntax: string;
  doc: string;
  /** What completion inserts after the keyword (Monaco snippet syntax). */
  snippet: string;
  flags: FlagDoc[];
}

const chown: FlagDoc = { name: "chown", value: "<user>:<group>", doc: "Owner of the copied files (default root:root)." };
const chmod: FlagDoc = { name: "chmod", value: "<perms>", doc: "Permissions of the copied files, in octal (for example 755)." };
const link: FlagDoc = { name: "link", value: "", doc: "Copy into an independent layer, so it stays cached when earlier layers change." };
const exclude: FlagDoc = { name: "exclude", value: "<path>", doc: "Leave out the files that match this pattern." };

export const INSTRUCTIONS: InstructionDoc[] = [
  {
    name: "FROM",
    syntax: "FROM [--platform=<platform>] <image>[:<tag>] [AS <name>]",
    doc: "Starts a build stage from a base image (or `scratch`). `AS name` names the stage for `COPY --from` and `--target`.",
    snippet: "${1:alpine:3.20}",
    flags: [{ name: "platform", value: "<platform>", doc: "Platform of the base image, for example linux/amd64." }],
  },
  {
    name: "RUN",
    syntax: 'RUN [OPTIONS] <command>  |  RUN ["executable", "param"]',
    doc: "Runs a command in a new layer on top of the current image and commits the result.",
    snippet: "${1:command}",
    flags: [
      {
        name: "mount",
        value: "type=<bind|cache|tmpfs|secret|ssh>[,target=<path>]",
        doc: "Mounts a filesystem for this command only: a cache for package managers, a secret, a bind of the context.",
      },
      { name: "network", value: "<default|none|host>", doc: "The network the command runs in." },
      { name: "security", value: "<sandbox|insecure>", doc: "Runs the command with or without the sandbox." },
    ],
  },
  {
    name: "CMD",
    syntax: 'CMD ["executable", "param"]  |  CMD command param',
    doc: "The default command of a container. Only the last CMD of a stage counts. Prefer the JSON (exec) form: the process then gets signals directly.",
    snippet: '["${1:executable}", "${2:param}"]',
    flags: [],
  },
  {
    name: "LABEL",
    syntax: "LABEL <key>=<value> [<key>=<value>...]",
    doc: "Adds metadata to the image, as key=value pairs (`docker inspect` shows them).",
    snippet: '${1:key}="${2:value}"',
    flags: [],
  },
  {
    name: "MAINTAINER",
    syntax: "MAINTAINER <name>",
    doc: "Deprecated: sets the image's author. Use `LABEL org.opencontainers.image.authors=...` instead.",
    snippet: "${1:name}",
    flags: [],
  },
  {
    name: "EXPOSE",
    syntax: "EXPOSE <port>[/<protocol>] ...",
    doc: "Documents the ports the container listens on. It publishes nothing: `docker run -p` or `-P` does.",
    snippet: "${1:80}",
    flags: [],
  },
  {
    name: "ENV",
    syntax: "ENV <key>=<value> ...",
    doc: "Sets environment variables for the following instructions and for containers run from the image.",
    snippet: "${1:KEY}=${2:value}",
    flags: [],
  },
  {
    name: "ADD",
    syntax: "ADD [OPTIONS] <src> ... <dest>",
    doc: "Copies files, URLs or git repositories into the image; local tar archives are unpacked. Prefer COPY for plain files.",
    snippet: "${1:src} ${2:dest}",
    flags: [
      chown,
      chmod,
      link,
      exclude,
      { name: "checksum", value: "<hash>", doc: "Checksum a remote source must have." },
      { name: "keep-git-dir", value: "<boolean>", doc: "Keep the .git directory of a git source." },
    ],
  },
  {
    name: "COPY",
    syntax: "COPY [OPTIONS] <src> ... <dest>",
    doc: "Copies files from the build context, or from a stage or image with `--from`, into the image.",
    snippet: "${1:src} ${2:dest}",
    flags: [
      {
        name: "from",
        value: "<stage|image>",
        doc: "Copy from an earlier build stage (by name or index) or an image, instead of the context.",
      },
      chown,
      chmod,
      link,
      exclude,
      { name: "parents", value: "", doc: "Keep the source's parent directories under the destination." },
    ],
  },
  {
    name: "ENTRYPOINT",
    syntax: 'ENTRYPOINT ["executable", "param"]  |  ENTRYPOINT command param',
    doc: "The executable a container runs; CMD then gives its default arguments. Prefer the JSON (exec) form.",
    snippet: '["${1:executable}"]',
    flags: [],
  },
  {
    name: "VOLUME",
    syntax: 'VOLUME ["/data"]',
    doc: "Marks a path as a volume: each container gets an anonymous volume there unless one is mounted.",
    snippet: '["${1:/data}"]',
    flags: [],
  },
  {
    name: "USER",
    syntax: "USER <user>[:<group>]",
    doc: "The user (and group) the following RUN instructions and the container's process run as.",
    snippet: "${1:user}",
    flags: [],
  },
  {
    name: "WORKDIR",
    syntax: "WORKDIR /path/to/workdir",
    doc: "The working directory of the following instructions and of the container; created when missing. Use an absolute path.",
    snippet: "${1:/app}",
    flags: [],
  },
  {
    name: "ARG",
    syntax: "ARG <name>[=<default value>]",
    doc: "A build-time variable, set with `docker build --build-arg name=value`. Before the first FROM, it is only visible to FROMs.",
    snippet: "${1:NAME}",
    flags: [],
  },
  {
    name: "ONBUILD",
    syntax: "ONBUILD <INSTRUCTION>",
    doc: "An instruction to run later, when another Dockerfile builds FROM this image.",
    snippet: "${1:RUN echo triggered}",
    flags: [],
  },
  {
    name: "STOPSIGNAL",
    syntax: "STOPSIGNAL signal",
    doc: "The signal `docker stop` sends to the container's process (SIGTERM by default).",
    snippet: "${1:SIGTERM}",
    flags: [],
  },
  {
    name: "HEALTHCHECK",
    syntax: "HEALTHCHECK [OPTIONS] CMD command  |  HEALTHCHECK NONE",
    doc: "A command Docker runs in the container to tell whether it is healthy (`docker ps` shows the status).",
    snippet: "CMD ${1:curl -f http://localhost/ || exit 1}",
    flags: [
      { name: "interval", value: "<duration>", doc: "Time between checks (default 30s)." },
      { name: "timeout", value: "<duration>", doc: "Time a check may take (default 30s)." },
      { name: "start-period", value: "<duration>", doc: "Start-up time during which failures do not count (default 0s)." },
      { name: "start-interval", value: "<duration>", doc: "Time between checks during the start period (default 5s)." },
      { name: "retries", value: "<n>", doc: "Failures in a row that make the container unhealthy (default 3)." },
    ],
  },
  {
    name: "SHELL",
    syntax: 'SHELL ["executable", "parameters"]',
    doc: 'The shell the shell form of RUN, CMD and ENTRYPOINT uses (default ["/bin/sh", "-c"]).',
    snippet: '["${1:/bin/bash}", "${2:-c}"]',
    flags: [],
  },
];

export function instructionDoc(word: string): InstructionDoc | undefined {
  const upper = word.toUpperCase();
  return INSTRUCTIONS.find((i) => i.name === upper);
}
