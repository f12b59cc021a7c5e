import { DEFAULT_PATH, type HubImage, type HubLayer, keySet } from "../image";
import { layerOf, programFiles } from "../rootfs/derive";
import { ALPINE_34_LAYER } from "./alpine";
import { BUSYBOX_LAYER } from "./busybox";

/** Community images the courses use: jpetazzo/clock and russmckendrick/moby-counter. */

const clock: HubImage = {
  repository: "jpetazzo/clock",
  tags: ["latest"],
  created: "2015-01-27T21:43:47.528459374Z",
  layers: [BUSYBOX_LAYER],
  emptyHistory: [{ index: 0, createdBy: '/bin/sh -c #(nop) CMD ["/bin/sh" "-c" "while date; do sleep 1; done"]' }],
  author: "Jérôme Petazzoni <jerome@docker.com>",
  config: { Env: [DEFAULT_PATH], Cmd: ["/bin/sh", "-c", "while date; do sleep 1; done"] },
};

/**
 * russmckendrick/moby-counter (binocarlos/moby-counter): a node app in /app, started as
 * `node index.js`. The image's node runs only this app, so its binary is the
 * moby-counter program model rather than a general node.
 */
const COUNTER_TIME = Date.UTC(2017, 3, 10, 0, 0, 0);
const NODE_ALPINE: HubLayer = {
  build: layerOf(COUNTER_TIME, (l) =>
    programFiles(l, { "/usr/bin/node": "moby-counter" })
      .symlink("/usr/bin/npm", "../lib/node_modules/npm/bin/npm-cli.js")
      .file("/usr/lib/node_modules/npm/bin/npm-cli.js", "#!/usr/bin/env node\n", 0o755),
  ),
  size: 38_300_000,
  createdBy: "/bin/sh -c apk add --update nodejs",
};
const mobyCounter: HubImage = {
  repository: "russmckendrick/moby-counter",
  tags: ["latest"],
  created: "2017-04-10T09:58:17Z",
  // 53.3MB.
  layers: [
    ALPINE_34_LAYER,
    NODE_ALPINE,
    {
      build: layerOf(COUNTER_TIME, (l) =>
        l
          .file(
            "/app/package.json",
            '{\n  "name": "moby-counter",\n  "version": "1.0.0",\n  "main": "index.js",\n  "scripts": {\n    "start": "node index.js"\n  }\n}\n',
          )
          .file("/app/index.js", "var redis = require('redis')\nvar http = require('http')\nvar ecstatic = require('ecstatic')\n")
          .file("/app/client/index.html", COUNTER_PAGE)
          .file("/app/client/moby.png", "\x89PNG\r\n\x1a\n"),
      ),
      size: 110_000,
      createdBy: "/bin/sh -c #(nop) ADD dir:6c2e3f2f2b9c5a1f0e4c0a5f1e2d3c4b5a6978695a4b3c2d1e0f9a8b7c6d5e4f in /app ",
    },
    {
      build: layerOf(COUNTER_TIME, (l) => l.dir("/app/node_modules/redis").dir("/app/node_modules/ecstatic")),
      size: 10_100_000,
      createdBy: "/bin/sh -c npm install",
    },
  ],
  emptyHistory: [
    { index: 1, createdBy: "/bin/sh -c #(nop) WORKDIR /app" },
    { index: 3, createdBy: "/bin/sh -c #(nop)  EXPOSE 80/tcp" },
    { index: 3, createdBy: '/bin/sh -c #(nop)  ENTRYPOINT ["node" "index.js"]' },
  ],
  config: {
    Env: [DEFAULT_PATH],
    Entrypoint: ["node", "index.js"],
    ExposedPorts: keySet(["80/tcp"]),
    WorkingDir: "/app",
  },
};

export const community: HubImage[] = [clock, mobyCounter];

/** The page client/ serves: click anywhere to drop a whale; positions go to /v1/whales. */
const COUNTER_PAGE = `<!DOCTYPE html>
<html>
<head>
  <meta charset="utf-8">
  <title>Moby Counter</title>
  <style>
    body { margin: 0; height: 100vh; background: #2496ed; cursor: pointer; font-family: sans-serif; }
    h1 { position: absolute; top: 10px; left: 20px; color: white; }
    img.moby { position: absolute; width: 80px; }
  </style>
</head>
<body>
  <h1>Click to add mobys</h1>
  <script>
    function place(pos) {
      var parts = pos.split(':')
      var img = document.createElement('img')
      img.src = '/moby.png'
      img.className = 'moby'
      img.style.left = parts[0] + 'px'
      img.style.top = parts[1] + 'px'
      document.body.appendChild(img)
    }
    fetch('/v1/whales').then(function (r) { return r.json() }).then(function (list) { list.forEach(place) })
    document.body.addEventListener('click', function (e) {
      var pos = e.clientX + ':' + e.clientY
      fetch('/v1/whales', { method: 'POST', body: pos }).then(function () { place(pos) })
    })
  </script>
</body>
</html>
`;
