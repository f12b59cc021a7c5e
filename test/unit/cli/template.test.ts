// Go text/template semantics (text/template exec_test.go cases and the
// docker/cli templates package tests), run through docker's func map.
import { describe, expect, it } from "vitest";
import { goTypeName } from "../../../src/cli/formatter/template/value";
import { execute, headerFunctions, parse } from "../../../src/cli/formatter/templates";

const render = (src: string, data: unknown) => execute(parse(src), data);

class ContainerContext {
  readonly [goTypeName] = "*formatter.ContainerContext";
  constructor(private readonly labels: Record<string, string>) {}
  get ID() {
    return "4f66ad9a0b2e";
  }
  Names() {
    return "web";
  }
  Label(name: string) {
    return this.labels[name] ?? "";
  }
}

const inspect = {
  Id: "4f66ad9a0b2e7a1c",
  State: { Status: "running", Running: true, Pid: 4321, ExitCode: 0, Health: null },
  Config: { Labels: { "com.example.b": "2", "com.example.a": "1" }, Env: ["PATH=/usr/bin", "A=1"], Cmd: ["nginx", "-g", "daemon off;"] },
  NetworkSettings: { Networks: { bridge: { IPAddress: "172.17.0.2" } } },
  Mounts: [],
};

describe("Go templates: fields, maps and printing", () => {
  it.each([
    ["{{.State.Status}}", "running"],
    ["{{.State.Pid}}", "4321"],
    ["{{.State.Running}}", "true"],
    ["{{.Config.Labels}}", "map[com.example.a:1 com.example.b:2]"],
    ["{{.Config.Env}}", "[PATH=/usr/bin A=1]"],
    ["{{.Missing}}", "<no value>"],
    ["{{.Config.Missing.Deeper}}", "<no value>"],
    ["{{.State.Health}}", "<no value>"],
    ['{{index .Config.Labels "com.example.a"}}', "1"],
    ["{{index .Config.Env 1}}", "A=1"],
    ["{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}", "172.17.0.2"],
    ["{{range $k, $v := .Config.Labels}}{{$k}}={{$v}};{{end}}", "com.example.a=1;com.example.b=2;"],
    ["{{range $i, $e := .Config.Cmd}}{{if $i}} {{end}}{{$e}}{{end}}", "nginx -g daemon off;"],
    ["{{range .Mounts}}x{{else}}none{{end}}", "none"],
    ["{{len .Config.Env}} {{len .Id}}", "2 16"],
    ["{{with .State}}{{.Status}}{{end}}", "running"],
    ["{{with .Nope}}x{{else}}empty{{end}}", "empty"],
    ['{{if eq .State.Status "exited"}}E{{else if .State.Running}}R{{else}}?{{end}}', "R"],
    ["{{if and .State.Running (not .State.ExitCode)}}ok{{end}}", "ok"],
    ['{{or .Missing "fallback"}}', "fallback"],
    ['{{$x := .State.Status}}{{$x}}-{{$x = "changed"}}{{$x}}', "running-changed"],
    ["  {{- .State.Status -}}  \n", "running"],
    ["a {{/* a comment */}}b {{- /* trimmed */ -}} c", "a bc"],
    ['{{printf "%s:%d" .State.Status .State.Pid}}', "running:4321"],
    ['{{printf "%-8s|%5.2f|%q|%v" "ab" 3.14159 "x" .Config.Env}}', 'ab      | 3.14|"x"|[PATH=/usr/bin A=1]'],
    ['{{print "a" 1 2 "b"}}', "a1 2b"],
    ['{{println "a" 1}}', "a 1\n"],
    ['{{slice "abcdef" 1 3}}', "bc"],
    ["{{range 3}}{{.}}{{end}}", "012"],
    ["{{range $i, $e := .Config.Cmd}}{{if eq $i 1}}{{break}}{{end}}{{$e}}{{end}}", "nginx"],
    ['{{define "T"}}[{{.}}]{{end}}{{template "T" .State.Status}}', "[running]"],
    ['{{block "B" .Id}}<{{.}}>{{end}}', "<4f66ad9a0b2e7a1c>"],
    ['{{html "<a href=\'x\'>"}} {{js "it\'s"}} {{urlquery "a b&c"}}', "&lt;a href=&#39;x&#39;&gt; it\\'s a+b%26c"],
    ["{{(index .Config.Env 0) | len}}", "13"],
    ['{{"x" | printf "%s-%s" "y"}}', "y-x"],
    ["{{.State | len}}", "5"],
    ["{{0x10}} {{1e3}} {{'a'}} {{-2}}", "16 1000 97 -2"],
    ["{{nil | print}}", "<nil>"],
  ])("%s", (src, want) => expect(render(src, inspect)).toBe(want));
});

describe("docker's template functions", () => {
  it.each([
    ["{{json .Config.Labels}}", '{"com.example.b":"2","com.example.a":"1"}'],
    ["{{json .Config.Cmd}}", '["nginx","-g","daemon off;"]'],
    ['{{json "<a&b>"}}', '"<a&b>"'],
    ['{{join .Config.Env ","}}', "PATH=/usr/bin,A=1"],
    ['{{join .Config.Labels ","}}', "1,2"],
    ['{{split "a:b:c" ":"}}', "[a b c]"],
    ['{{index (split "a:b:c" ":") 2}}', "c"],
    ['{{title "hello world-wide"}}', "Hello World-Wide"],
    ['{{upper "abc"}}{{lower "DEF"}}', "ABCdef"],
    ['{{pad "x" 2 1}}|{{pad "" 2 1}}|', "  x ||"],
    ['{{truncate "abcdef" 3}}|{{truncate "ab" 3}}', "abc|ab"],
  ])("%s", (src, want) => expect(render(src, inspect)).toBe(want));

  it("leaves table headers untouched with the header functions", () => {
    const t = parse("{{upper .Name}}\t{{truncate .ID 3}}");
    expect(execute(t, { Name: "NAME", ID: "CONTAINER ID" }, headerFunctions)).toBe("NAME\tCONTAINER ID");
  });
});

describe("structs: fields and methods", () => {
  const ctx = new ContainerContext({ app: "web" });
  it("calls methods and getters", () => {
    expect(render('{{.ID}} {{.Names}} {{.Label "app"}}', ctx)).toBe("4f66ad9a0b2e web web");
  });
  it("reports a missing field like Go", () => {
    expect(() => render("{{.Foo}}", ctx)).toThrow(
      'template: :1:2: executing "" at <.Foo>: can\'t evaluate field Foo in type *formatter.ContainerContext',
    );
  });
});

describe("errors", () => {
  it.each([
    ["{{.State.Status.Foo}}", 'template: :1:2: executing "" at <.State.Status.Foo>: can\'t evaluate field Foo in type string'],
    ["x\n {{index .Config.Env 5}}", 'template: :2:3: executing "" at <index .Config.Env 5>: error calling index: index out of range: 5'],
    ["{{.State.Health.Status}}", 'template: :1:2: executing "" at <.State.Health.Status>: nil pointer evaluating interface {}.Status'],
    ['{{join "a"}}', 'template: :1:2: executing "" at <join>: wrong number of args for join: want 2 got 1'],
    ['{{lt 1 "a"}}', 'template: :1:2: executing "" at <lt 1 "a">: error calling lt: incompatible types for comparison'],
    ['{{template "nope"}}', 'template: :1:2: executing "" at <{{template "nope"}}>: no such template "nope"'],
  ])("%s", (src, message) => {
    expect(() => render(src, inspect)).toThrow(message);
  });

  it.each([
    ["{{foo .}}", 'template: :1: function "foo" not defined'],
    ["{{.State", "template: :1: unclosed action"],
    ["{{if .State}}x", "template: :1: unexpected EOF"],
    ["{{end}}", "template: :1: unexpected {{end}}"],
    ["{{$y}}", 'template: :1: undefined variable "$y"'],
    ["{{range .X}}{{end}}{{break}}", "template: :1: {{break}} outside {{range}}"],
  ])("parse error %s", (src, message) => {
    expect(() => parse(src)).toThrow(message);
  });
});
