/**
 * What the Build button types for an open Dockerfile: change to its directory and build
 * it tagged with the directory's name, as the tutorials do (`docker build -t app .`).
 * A non-default file name is passed with -f. Image names are lowercase, so the tag is too.
 */
export function buildCommand(dockerfile: string): string {
  const slash = dockerfile.lastIndexOf("/");
  const dir = slash > 0 ? dockerfile.slice(0, slash) : "/";
  const file = dockerfile.slice(slash + 1);
  const dirName = dir.slice(dir.lastIndexOf("/") + 1);
  const tag =
    dirName
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, "-")
      .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, "") || "app";
  const flag = file === "Dockerfile" ? "" : ` -f ${quote(file)}`;
  return `cd ${quote(dir)} && docker build -t ${tag}${flag} .`;
}

function quote(word: string): string {
  return /^[A-Za-z0-9_./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}
