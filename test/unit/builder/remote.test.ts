// Which build contexts are git repositories and which are downloads: moby/buildkit
// frontend/dockerfile/dfgitutil ParseGitRef (an http(s) URL is git only with a ".git"
// path; github.com/ and git@ forms are git) and dockerui DetectHTTPContext.
import { describe, expect, it } from "vitest";
import { parseRemote } from "../../../src/engine/daemon/builder/remote";

describe("parseRemote", () => {
  it("reads git references", () => {
    expect(parseRemote("https://github.com/docker/welcome-to-docker.git")).toMatchObject({
      kind: "git",
      remote: "https://github.com/docker/welcome-to-docker.git",
      ref: "",
      scheme: "https",
      host: "github.com",
      port: 443,
    });
    expect(parseRemote("https://github.com/x/y.git#main:docker")).toMatchObject({
      kind: "git",
      remote: "https://github.com/x/y.git",
      ref: "main",
    });
    expect(parseRemote("github.com/x/y")).toMatchObject({ kind: "git", remote: "https://github.com/x/y", host: "github.com" });
    expect(parseRemote("git://example.org/repo")).toMatchObject({ kind: "git", scheme: "git", port: 9418 });
    expect(parseRemote("git@github.com:x/y.git")).toMatchObject({ kind: "git", scheme: "ssh", host: "github.com" });
  });

  it("reads other http(s) URLs as downloads", () => {
    expect(parseRemote("https://example.com/app.tar.gz")).toMatchObject({
      kind: "http",
      host: "example.com",
      remote: "https://example.com/app.tar.gz",
    });
    expect(parseRemote("http://example.com:8080/Dockerfile")).toMatchObject({ kind: "http", port: 8080 });
    expect(parseRemote("./app")).toBeUndefined();
  });
});
