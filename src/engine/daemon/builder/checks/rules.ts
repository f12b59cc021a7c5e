/**
 * BuildKit's build checks (moby/buildkit frontend/dockerfile/linter/ruleset.go): each rule's
 * name, description, documentation URL and message, worded exactly as BuildKit words them.
 * https://docs.docker.com/reference/build-checks/
 */

export interface Rule {
  name: string;
  description: string;
  url: string;
}

const docs = (slug: string) => `https://docs.docker.com/go/dockerfile/rule/${slug}/`;

export const RULES = {
  StageNameCasing: {
    name: "StageNameCasing",
    description: "Stage names should be lowercase",
    url: docs("stage-name-casing"),
    format: (stage: string) => `Stage name '${stage}' should be lowercase`,
  },
  FromAsCasing: {
    name: "FromAsCasing",
    description: "The 'as' keyword should match the case of the 'from' keyword",
    url: docs("from-as-casing"),
    format: (from: string, as: string) => `'${as}' and '${from}' keywords' casing do not match`,
  },
  ConsistentInstructionCasing: {
    name: "ConsistentInstructionCasing",
    description: "All commands within the Dockerfile should use the same casing (either upper or lower)",
    url: docs("consistent-instruction-casing"),
    format: (command: string, casing: string) => `Command '${command}' should match the case of the command majority (${casing})`,
  },
  DuplicateStageName: {
    name: "DuplicateStageName",
    description: "Stage names should be unique",
    url: docs("duplicate-stage-name"),
    // Go's %q: a double-quoted string.
    format: (stage: string) => `Duplicate stage name ${JSON.stringify(stage)}, stage names should be unique`,
  },
  ReservedStageName: {
    name: "ReservedStageName",
    description: "Reserved words should not be used as stage names",
    url: docs("reserved-stage-name"),
    format: (stage: string) => `Stage name should not use the same name as reserved stage ${JSON.stringify(stage)}`,
  },
  JSONArgsRecommended: {
    name: "JSONArgsRecommended",
    description: "JSON arguments recommended for ENTRYPOINT/CMD to prevent unintended behavior related to OS signals",
    url: docs("json-args-recommended"),
    format: (instruction: string) => `JSON arguments recommended for ${instruction} to prevent unintended behavior related to OS signals`,
  },
  MaintainerDeprecated: {
    name: "MaintainerDeprecated",
    description: "The MAINTAINER instruction is deprecated, use a label instead to define an image author",
    url: docs("maintainer-deprecated"),
    format: () => "Maintainer instruction is deprecated in favor of using label",
  },
  WorkdirRelativePath: {
    name: "WorkdirRelativePath",
    description:
      "Relative workdir without an absolute workdir declared within the build can have unexpected results if the base image changes",
    url: docs("workdir-relative-path"),
    format: (workdir: string) => `Relative workdir ${JSON.stringify(workdir)} can have unexpected results if the base image changes`,
  },
  UndefinedVar: {
    name: "UndefinedVar",
    description: "Variables should be defined before their use",
    url: docs("undefined-var"),
    format: (name: string, suggest: string) => `Usage of undefined variable '$${name}'${suggest ? ` (did you mean $${suggest}?)` : ""}`,
  },
  MultipleInstructionsDisallowed: {
    name: "MultipleInstructionsDisallowed",
    description: "Multiple instructions of the same type should not be used in the same stage",
    url: docs("multiple-instructions-disallowed"),
    format: (instruction: string) =>
      `Multiple ${instruction} instructions should not be used in the same stage because only the last one will be used`,
  },
  LegacyKeyValueFormat: {
    name: "LegacyKeyValueFormat",
    description: "Legacy key/value format with whitespace separator should not be used",
    url: docs("legacy-key-value-format"),
    format: (command: string) => `"${command} key=value" should be used instead of legacy "${command} key value" format`,
  },
  ExposeProtoCasing: {
    name: "ExposeProtoCasing",
    description: "Protocol in EXPOSE instruction should be lowercase",
    url: docs("expose-proto-casing"),
    format: (port: string) => `Defined protocol '${port}' in EXPOSE instruction should be lowercase`,
  },
};

export type RuleName = keyof typeof RULES;
