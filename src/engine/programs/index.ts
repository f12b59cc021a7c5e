// biome-ignore lint/style/noRestrictedImports: the docker CLI is registered as a program, the one import from cli/ ARCHITECTURE.md allows.
import { docker } from "../../cli/docker";
import type { Program, ProgramTable } from "../kernel/exec";
import { apkPrograms } from "./apk";
import { aptPrograms } from "./apt";
import { awk } from "./awk";
import { bridgeUtilsPrograms } from "./bridge-utils";
import { busyboxPrograms } from "./busybox";
import { coreutils } from "./coreutils";
import { curl } from "./curl";
import { dpkgPrograms } from "./dpkg";
import { figlet } from "./figlet";
import { findutils } from "./findutils";
import { grep } from "./grep";
import { helloPrograms } from "./hello";
import { httpdPrograms } from "./httpd";
import { iputilsPrograms } from "./iputils";
import { less } from "./less";
import { misc } from "./misc";
import { mobyCounterPrograms } from "./moby-counter";
import { mongoPrograms } from "./mongo";
import { mysqlPrograms } from "./mysql";
import { nano } from "./nano";
import { nginxPrograms } from "./nginx";
import { nodePrograms } from "./node";
import { postgresPrograms } from "./postgres";
import { procps } from "./procps";
import { pythonPrograms } from "./python";
import { redisPrograms } from "./redis";
import { registryPrograms } from "./registry";
import { rpmPrograms } from "./rpm";
import { sed } from "./sed";
import { shadowPrograms } from "./shadow";
import { shells } from "./shell";
import { tree } from "./tree";
import { vi, vim } from "./vi";
import { yumPrograms } from "./yum";

/**
 * Every program model, by the name stamped in its binary. Hosts install them on their
 * PATH; images will ship the subset (or the busybox build) they really contain.
 */
export const programs: ProgramTable = new Map<string, Program>(
  Object.entries({
    ...coreutils,
    ...findutils,
    ...grep,
    ...sed,
    ...awk,
    ...procps,
    ...less,
    ...misc,
    ...shells,
    ...tree,
    ...curl,
    ...busyboxPrograms,
    ...bridgeUtilsPrograms,
    ...iputilsPrograms,
    ...helloPrograms,
    ...nginxPrograms,
    ...redisPrograms,
    ...registryPrograms,
    ...mobyCounterPrograms,
    ...mongoPrograms,
    ...mysqlPrograms,
    ...httpdPrograms,
    ...postgresPrograms,
    ...aptPrograms,
    ...figlet,
    ...dpkgPrograms,
    ...apkPrograms,
    ...rpmPrograms,
    ...yumPrograms,
    ...shadowPrograms,
    ...vi,
    ...vim,
    ...nano,
    ...pythonPrograms,
    ...nodePrograms,
    // The docker CLI: the one place the engine imports from src/cli.
    docker,
  }),
);
