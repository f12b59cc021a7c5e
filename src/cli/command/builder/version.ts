/**
 * docker buildx version (buildx commands/version.go): the plugin's package, version and
 * revision. This is the buildx v0.30.1 that docker 29.1 ships (`docker info`'s plugin
 * list); its revision is the commit the v0.30.1 tag points at.
 */
import { exactArgs } from "../../cobra/args";
import type { CommandSpec } from "../../cobra/command";
import { dockerCli } from "../system/dockercli";

export const BUILDX_PACKAGE = "github.com/docker/buildx";
export const BUILDX_VERSION = "v0.30.1";
export const BUILDX_REVISION = "9e66234aa13328a5e75b75aa5574e1ca6d6d9c01";

export const versionCommand: CommandSpec = {
  use: "version",
  short: "Show buildx version information",
  args: exactArgs(0),
  run: async (ctx) => {
    await dockerCli(ctx).out(`${BUILDX_PACKAGE} ${BUILDX_VERSION} ${BUILDX_REVISION}\n`);
    return 0;
  },
};
