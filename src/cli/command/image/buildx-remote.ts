/**
 * Remote build contexts on the client side. buildx (build/utils.go IsRemoteURL) hands an
 * http(s) URL or a git reference to BuildKit as the context, which the daemon fetches;
 * the classic builder's CLI fetches them itself (docker/cli cli/command/image/build.go:
 * `git clone` for a git URL, an HTTP GET for another URL), so its errors are its own.
 */
import { goNameserver } from "../../../engine/net/resolvconf";
import type { DockerCli } from "../system/dockercli";

/** urlutil.IsGitURL / dfgitutil.ParseGitRef: what names a git repository. */
export function isGitURL(context: string): boolean {
  if (/^(git:\/\/|github\.com\/|git@)/.test(context)) return true;
  return /^https?:\/\/[^#]*\.git(#.*)?$/.test(context);
}

/** buildx IsRemoteURL: any http(s) URL, or a git reference. */
export function isRemoteURL(context: string): boolean {
  return /^https?:\/\//.test(context) || isGitURL(context);
}

/** Whether `git` is on the client's PATH (exec.LookPath). */
function hasGit(cli: DockerCli): boolean {
  const path = cli.proc.env.PATH ?? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
  return path.split(":").some((dir) => dir !== "" && cli.proc.fs.exists(`${dir.replace(/\/$/, "")}/git`));
}

/**
 * Why the classic builder's CLI cannot prepare a remote context here: no git on the host
 * (context.go GetContextFromGitURL), or a download whose host does not resolve
 * (GetContextFromURL).
 */
export function classicRemoteError(cli: DockerCli, context: string): string {
  if (isGitURL(context)) {
    if (!hasGit(cli)) return `unable to prepare context: unable to find 'git': exec: "git": executable file not found in $PATH`;
    return `unable to prepare context: git clone of remote contexts is not available in this playground: ${context}`;
  }
  const host = /^https?:\/\/(?:[^@/]*@)?([^/:?#]*)/.exec(context)?.[1] ?? "";
  if (cli.proc.resolveHost(host) !== null) {
    return `unable to download remote context ${context}: remote contexts are fetched from the internet, which this playground cannot reach`;
  }
  return `unable to download remote context ${context}: Get ${JSON.stringify(context)}: dial tcp: lookup ${host} on ${goNameserver(cli.proc.fs)}: no such host`;
}
