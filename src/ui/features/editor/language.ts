/** Monaco's language id for a file, by its name as Monaco's own registrations match them. */
export function languageFor(path: string): string {
  const name = path.slice(path.lastIndexOf("/") + 1);
  if (isDockerfile(path)) return "dockerfile";
  const ext = name.includes(".") ? name.slice(name.lastIndexOf(".") + 1).toLowerCase() : "";
  return byExtension[ext] ?? (name === ".bashrc" || name === ".profile" ? "shell" : "plaintext");
}

/** `Dockerfile`, `Dockerfile.dev`, `dev.Dockerfile` or `x.dockerfile`: what `docker build -f` is usually given. */
export function isDockerfile(path: string): boolean {
  const name = path.slice(path.lastIndexOf("/") + 1);
  return /^Dockerfile(\..+)?$/.test(name) || /\.dockerfile$/i.test(name);
}

const byExtension: Record<string, string> = {
  py: "python",
  js: "javascript",
  mjs: "javascript",
  cjs: "javascript",
  sh: "shell",
  yml: "yaml",
  yaml: "yaml",
  md: "markdown",
  ini: "ini",
  cfg: "ini",
  conf: "ini",
};
