import { Layer } from "../../fs/layer";
import { binaryContent } from "../../kernel/exec";
import { DEFAULT_PATH, type HubImage, type HubLayer, keySet, sharedLayer } from "../image";
import { type DebPackage, dpkgDatabase } from "../rootfs/dpkg";
import { script } from "../rootfs/skeleton";
import { ALPINE_321_LAYER } from "./alpine";
import { BOOKWORM_SLIM, STRETCH } from "./debian";

/**
 * nginx: latest (1.27 on debian:bookworm-slim), alpine, and the 1.12/1.13 images on
 * debian:stretch that the 2018 swarm tutorials roll between. Files and scripts as
 * nginxinc/docker-nginx ships them.
 */

/** The default page, byte for byte (615 bytes in 1.27). */
export const WELCOME_PAGE = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

/** The page of nginx 1.12 and 1.13 (612 bytes), before the color-scheme line. */
const WELCOME_PAGE_2017 = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
    body {
        width: 35em;
        margin: 0 auto;
        font-family: Tahoma, Verdana, Arial, sans-serif;
    }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

const ERROR_PAGE = `<!DOCTYPE html>
<html>
<head>
<title>Error</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>An error occurred.</h1>
<p>Sorry, the page you are looking for is currently unavailable.<br/>
Please try again later.</p>
<p>If you are the system administrator of this resource then you should check
the error log for details.</p>
<p><em>Faithfully yours, nginx.</em></p>
</body>
</html>
`;

const NGINX_CONF = `
user  nginx;
worker_processes  auto;

error_log  /var/log/nginx/error.log notice;
pid        /run/nginx.pid;


events {
    worker_connections  1024;
}


http {
    include       /etc/nginx/mime.types;
    default_type  application/octet-stream;

    log_format  main  '$remote_addr - $remote_user [$time_local] "$request" '
                      '$status $body_bytes_sent "$http_referer" '
                      '"$http_user_agent" "$http_x_forwarded_for"';

    access_log  /var/log/nginx/access.log  main;

    sendfile        on;
    #tcp_nopush     on;

    keepalive_timeout  65;

    #gzip  on;

    include /etc/nginx/conf.d/*.conf;
}
`;

const DEFAULT_CONF = `server {
    listen       80;
    server_name  localhost;

    #access_log  /var/log/nginx/host.access.log  main;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    #error_page  404              /404.html;

    # redirect server error pages to the static page /50x.html
    #
    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }
}
`;

const MIME_TYPES = `
types {
    text/html                                        html htm shtml;
    text/css                                         css;
    text/xml                                         xml;
    image/gif                                        gif;
    image/jpeg                                       jpeg jpg;
    application/javascript                           js;
    text/plain                                       txt;
    image/png                                        png;
    image/svg+xml                                    svg svgz;
    image/x-icon                                     ico;
    application/json                                 json;
    application/octet-stream                         bin exe dll;
}
`;

/** /docker-entrypoint.sh of docker-nginx 1.27, as published (trimmed of the NGINX_ENTRYPOINT_WORKER_PROCESSES_AUTOTUNE branch). */
const ENTRYPOINT = `#!/bin/sh
# vim:sw=4:ts=4:et

set -e

entrypoint_log() {
    if [ -z "\${NGINX_ENTRYPOINT_QUIET_LOGS:-}" ]; then
        echo "$@"
    fi
}

if [ "$1" = "nginx" ] || [ "$1" = "nginx-debug" ]; then
    if /usr/bin/find "/docker-entrypoint.d/" -mindepth 1 -maxdepth 1 -type f -print -quit 2>/dev/null | read v; then
        entrypoint_log "$0: /docker-entrypoint.d/ is not empty, will attempt to perform configuration"

        entrypoint_log "$0: Looking for shell scripts in /docker-entrypoint.d/"
        find "/docker-entrypoint.d/" -follow -type f -print | sort -V | while read -r f; do
            case "$f" in
                *.envsh)
                    if [ -x "$f" ]; then
                        entrypoint_log "$0: Sourcing $f";
                        . "$f"
                    else
                        # warn on shell scripts without exec bit
                        entrypoint_log "$0: Ignoring $f, not executable";
                    fi
                    ;;
                *.sh)
                    if [ -x "$f" ]; then
                        entrypoint_log "$0: Launching $f";
                        "$f"
                    else
                        # warn on shell scripts without exec bit
                        entrypoint_log "$0: Ignoring $f, not executable";
                    fi
                    ;;
                *) entrypoint_log "$0: Ignoring $f";;
            esac
        done

        entrypoint_log "$0: Configuration complete; ready for start up"
    else
        entrypoint_log "$0: No files found in /docker-entrypoint.d/, skipping configuration"
    fi
fi

exec "$@"
`;

/**
 * 10-listen-on-ipv6-by-default.sh. The real script compares default.conf with the
 * package's checksum (dpkg-query, md5sum); here "unchanged" means it has no IPv6
 * listen line yet, which is what the stock file looks like. Then, as the real one, it
 * adds `listen [::]:80;`, so `docker diff` shows C /etc/nginx/conf.d/default.conf.
 */
const LISTEN_IPV6 = `#!/bin/sh
# vim:sw=4:ts=4:et

set -e

entrypoint_log() {
    if [ -z "\${NGINX_ENTRYPOINT_QUIET_LOGS:-}" ]; then
        echo "$@"
    fi
}

ME=$(basename "$0")
DEFAULT_CONF_FILE="etc/nginx/conf.d/default.conf"

# check if we have ipv6 available
if [ ! -f "/proc/net/if_inet6" ]; then
    entrypoint_log "$ME: info: ipv6 not available"
    exit 0
fi

if [ ! -f "/$DEFAULT_CONF_FILE" ]; then
    entrypoint_log "$ME: info: /$DEFAULT_CONF_FILE is not a file or does not exist"
    exit 0
fi

# check if the file can be modified, e.g. not on a r/o filesystem
touch /$DEFAULT_CONF_FILE 2>/dev/null || { entrypoint_log "$ME: info: can not modify /$DEFAULT_CONF_FILE (read-only file system?)"; exit 0; }

# check if the file is already modified, e.g. on a container restart
grep -q "listen  \\[::]:80;" /$DEFAULT_CONF_FILE && { entrypoint_log "$ME: info: IPv6 listen already enabled"; exit 0; }

entrypoint_log "$ME: info: Getting the checksum of /$DEFAULT_CONF_FILE"

# enable ipv6 on default.conf listen sockets
sed -i -E 's,listen       80;,listen       80;\\n    listen  [::]:80;,' /$DEFAULT_CONF_FILE

entrypoint_log "$ME: info: Enabled listen on IPv6 in /$DEFAULT_CONF_FILE"

exit 0
`;

const LOCAL_RESOLVERS = `#!/bin/sh
# vim:sw=2:ts=2:sts=2:et

set -eu

LC_ALL=C
PATH="$PATH:/usr/sbin"

[ "\${NGINX_ENTRYPOINT_LOCAL_RESOLVERS:-}" ] || return 0

NGINX_LOCAL_RESOLVERS=$(awk 'BEGIN{ORS=" "} $1=="nameserver" {print $2}' /etc/resolv.conf)
export NGINX_LOCAL_RESOLVERS
`;

const ENVSUBST = `#!/bin/sh

set -e

ME=$(basename "$0")

entrypoint_log() {
    if [ -z "\${NGINX_ENTRYPOINT_QUIET_LOGS:-}" ]; then
        echo "$@"
    fi
}

auto_envsubst() {
  local template_dir="\${NGINX_ENVSUBST_TEMPLATE_DIR:-/etc/nginx/templates}"
  local suffix="\${NGINX_ENVSUBST_TEMPLATE_SUFFIX:-.template}"

  if [ ! -w "/etc/nginx/conf.d" ]; then
    entrypoint_log "$ME: ERROR: /etc/nginx/conf.d is not writable"
    return 0
  fi
  if [ ! -d "$template_dir" ]; then
    return 0
  fi
}

auto_envsubst

exit 0
`;

const TUNE_WORKERS = `#!/bin/sh
# vim:sw=2:ts=2:sts=2:et

set -eu

LC_ALL=C
ME=$(basename "$0")
PATH="$PATH:/usr/sbin"

[ "\${NGINX_ENTRYPOINT_WORKER_PROCESSES_AUTOTUNE:-}" ] || exit 0

touch /etc/nginx/nginx.conf 2>/dev/null || { echo >&2 "$ME: error: can not modify /etc/nginx/nginx.conf (read-only file system?)"; exit 0; }
`;

/** What `apt-get install nginx` and the user setup leave: binary, config, html, cache and log dirs. */
function nginxFiles(layer: Layer, welcome: string, withErrorPage: boolean): Layer {
  layer.file("/usr/sbin/nginx", binaryContent("nginx"), 0o755).file("/usr/sbin/nginx-debug", binaryContent("nginx"), 0o755);
  layer
    .file("/etc/nginx/nginx.conf", NGINX_CONF)
    .file("/etc/nginx/conf.d/default.conf", DEFAULT_CONF)
    .file("/etc/nginx/mime.types", MIME_TYPES);
  layer.file("/etc/nginx/fastcgi_params", "").file("/etc/nginx/scgi_params", "").file("/etc/nginx/uwsgi_params", "");
  layer.symlink("/etc/nginx/modules", "../../usr/lib/nginx/modules").dir("/usr/lib/nginx/modules");
  layer.file("/usr/share/nginx/html/index.html", welcome);
  if (withErrorPage) layer.file("/usr/share/nginx/html/50x.html", ERROR_PAGE);
  layer.dir("/var/cache/nginx").dir("/var/log/nginx");
  // The image sends the logs to docker logs: access.log -> stdout, error.log -> stderr.
  layer.symlink("/var/log/nginx/access.log", "/dev/stdout").symlink("/var/log/nginx/error.log", "/dev/stderr");
  return layer;
}

/** The nginx user and group that the RUN step adds with groupadd/useradd --system. */
function nginxUser(layer: Layer, base: { passwd: string; group: string }): Layer {
  return layer
    .file("/etc/passwd", `${base.passwd}nginx:x:101:101:nginx user:/nonexistent:/bin/false\n`)
    .file("/etc/group", `${base.group}nginx:x:101:\n`);
}

const NGINX_DEB: DebPackage = {
  name: "nginx",
  version: "1.27.4-1~bookworm",
  description: "high performance web server",
  section: "httpd",
  installedSize: 3620,
};

const installLayer = sharedLayer(() => {
  const layer = nginxFiles(new Layer({ mtimeMs: Date.UTC(2025, 1, 5, 21, 27, 16) }), WELCOME_PAGE, true);
  // The RUN step rewrites /etc/passwd, /etc/group and the dpkg database of the base.
  const base = BOOKWORM_SLIM.layer.build();
  nginxUser(layer, { passwd: text(base, "/etc/passwd"), group: text(base, "/etc/group") });
  const status = text(base, "/var/lib/dpkg/status");
  layer.file("/var/lib/dpkg/status", `${status}\n${statusOf(NGINX_DEB)}`);
  layer.file("/usr/bin/envsubst", binaryContent("envsubst"), 0o755).file("/usr/bin/curl", binaryContent("curl"), 0o755);
  return layer;
});

function text(layer: Layer, path: string): string {
  const entry = layer.get(path);
  if (entry?.type !== "file") return "";
  return typeof entry.data === "string" ? entry.data : "";
}

function statusOf(pkg: DebPackage): string {
  const scratch = new Layer();
  dpkgDatabase(scratch, [pkg], "NGINX Packaging <nginx-packaging@f5.com>");
  return text(scratch, "/var/lib/dpkg/status");
}

function entrypointLayer(path: string, body: string, mtimeMs: number): () => Layer {
  return sharedLayer(() => script(new Layer({ mtimeMs }), path, body));
}

const MTIME = Date.UTC(2025, 1, 5, 21, 27, 16);
const COPY_LAYERS: HubLayer[] = [
  { build: entrypointLayer("/docker-entrypoint.sh", ENTRYPOINT, MTIME), size: 1_620, createdBy: "COPY docker-entrypoint.sh / # buildkit" },
  {
    build: entrypointLayer("/docker-entrypoint.d/10-listen-on-ipv6-by-default.sh", LISTEN_IPV6, MTIME),
    size: 2_125,
    createdBy: "COPY 10-listen-on-ipv6-by-default.sh /docker-entrypoint.d # buildkit",
  },
  {
    build: entrypointLayer("/docker-entrypoint.d/15-local-resolvers.envsh", LOCAL_RESOLVERS, MTIME),
    size: 389,
    createdBy: "COPY 15-local-resolvers.envsh /docker-entrypoint.d # buildkit",
  },
  {
    build: entrypointLayer("/docker-entrypoint.d/20-envsubst-on-templates.sh", ENVSUBST, MTIME),
    size: 3_018,
    createdBy: "COPY 20-envsubst-on-templates.sh /docker-entrypoint.d # buildkit",
  },
  {
    build: entrypointLayer("/docker-entrypoint.d/30-tune-worker-processes.sh", TUNE_WORKERS, MTIME),
    size: 4_620,
    createdBy: "COPY 30-tune-worker-processes.sh /docker-entrypoint.d # buildkit",
  },
];

const CONFIG_LATEST = {
  Env: [
    DEFAULT_PATH,
    "NGINX_VERSION=1.27.4",
    "NJS_VERSION=0.8.9",
    "NJS_RELEASE=1~bookworm",
    "PKG_RELEASE=1~bookworm",
    "DYNPKG_RELEASE=1~bookworm",
  ],
  Entrypoint: ["/docker-entrypoint.sh"],
  Cmd: ["nginx", "-g", "daemon off;"],
  ExposedPorts: keySet(["80/tcp"]),
  Labels: { maintainer: "NGINX Docker Maintainers <docker-maint@nginx.com>" },
  StopSignal: "SIGQUIT",
};

const TAIL_HISTORY = (at: number) => [
  { index: at, createdBy: 'ENTRYPOINT ["/docker-entrypoint.sh"]' },
  { index: at, createdBy: "EXPOSE map[80/tcp:{}]" },
  { index: at, createdBy: "STOPSIGNAL SIGQUIT" },
  { index: at, createdBy: 'CMD ["nginx" "-g" "daemon off;"]' },
];

const nginxLatest: HubImage = {
  repository: "library/nginx",
  tags: ["latest", "1", "1.27", "1.27.4", "mainline", "bookworm", "mainline-bookworm"],
  created: "2025-02-05T21:27:16Z",
  // 192MB: the 74.8MB base plus 117MB of nginx and its modules.
  layers: [
    BOOKWORM_SLIM.layer,
    {
      build: installLayer,
      size: 117_475_232,
      createdBy:
        'RUN /bin/sh -c set -x     && groupadd --system --gid 101 nginx     && useradd --system --gid nginx --no-create-home --home /nonexistent --comment "nginx user" --shell /bin/false --uid 101 nginx     && apt-get update     && apt-get install --no-install-recommends --no-install-suggests -y gnupg1 ca-certificates     && ... # buildkit',
    },
    ...COPY_LAYERS,
  ],
  emptyHistory: [
    { index: 0, createdBy: BOOKWORM_SLIM.cmd },
    { index: 0, createdBy: "LABEL maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>" },
    { index: 0, createdBy: "ENV NGINX_VERSION=1.27.4" },
    { index: 0, createdBy: "ENV NJS_VERSION=0.8.9" },
    { index: 0, createdBy: "ENV NJS_RELEASE=1~bookworm" },
    { index: 0, createdBy: "ENV PKG_RELEASE=1~bookworm" },
    { index: 0, createdBy: "ENV DYNPKG_RELEASE=1~bookworm" },
    ...TAIL_HISTORY(6),
  ],
  config: CONFIG_LATEST,
};

const alpineInstall = sharedLayer(() => {
  const layer = nginxFiles(new Layer({ mtimeMs: MTIME }), WELCOME_PAGE, true);
  const base = ALPINE_321_LAYER.build();
  return nginxUser(layer, { passwd: text(base, "/etc/passwd"), group: text(base, "/etc/group") });
});

const nginxAlpine: HubImage = {
  repository: "library/nginx",
  tags: ["alpine", "1.27-alpine", "1.27.4-alpine", "mainline-alpine"],
  created: "2025-02-05T21:27:16Z",
  // 47.9MB.
  layers: [
    ALPINE_321_LAYER,
    {
      build: alpineInstall,
      size: 40_080_000,
      createdBy:
        "RUN /bin/sh -c set -x     && addgroup -g 101 -S nginx     && adduser -S -D -H -u 101 -h /var/cache/nginx -s /sbin/nologin -G nginx -g nginx nginx     && ... # buildkit",
    },
    ...COPY_LAYERS,
  ],
  emptyHistory: [{ index: 0, createdBy: 'CMD ["/bin/sh"]' }, { index: 0, createdBy: "ENV NGINX_VERSION=1.27.4" }, ...TAIL_HISTORY(6)],
  config: {
    ...CONFIG_LATEST,
    Env: [DEFAULT_PATH, "NGINX_VERSION=1.27.4", "PKG_RELEASE=1", "DYNPKG_RELEASE=1", "NJS_VERSION=0.8.9", "NJS_RELEASE=1"],
  },
};

/** nginx 1.12 and 1.13: no entrypoint script yet, logs to stdout/stderr, SIGTERM-stopped. */
function stretchNginx(version: string, tags: string[], created: string): HubImage {
  const install = sharedLayer(() => {
    const layer = nginxFiles(new Layer({ mtimeMs: Date.parse(created) }), WELCOME_PAGE_2017, true);
    const base = STRETCH.layer.build();
    return nginxUser(layer, { passwd: text(base, "/etc/passwd"), group: text(base, "/etc/group") });
  });
  return {
    repository: "library/nginx",
    tags,
    created,
    // 109MB.
    layers: [
      STRETCH.layer,
      {
        build: install,
        size: 53_700_000,
        createdBy: `/bin/sh -c set -x 	&& apt-get update 	&& apt-get install --no-install-recommends --no-install-suggests -y gnupg1 apt-transport-https ca-certificates 	&& ...`,
      },
      {
        build: sharedLayer(() => new Layer({ mtimeMs: Date.parse(created) }).dir("/var/log/nginx")),
        size: 22,
        createdBy: "/bin/sh -c ln -sf /dev/stdout /var/log/nginx/access.log 	&& ln -sf /dev/stderr /var/log/nginx/error.log",
      },
    ],
    emptyHistory: [
      { index: 0, createdBy: STRETCH.cmd },
      { index: 0, createdBy: "/bin/sh -c #(nop)  LABEL maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>" },
      { index: 0, createdBy: `/bin/sh -c #(nop)  ENV NGINX_VERSION=${version}-1~stretch` },
      { index: 2, createdBy: "/bin/sh -c #(nop)  EXPOSE 80/tcp" },
      { index: 2, createdBy: "/bin/sh -c #(nop)  STOPSIGNAL [SIGTERM]" },
      { index: 2, createdBy: '/bin/sh -c #(nop)  CMD ["nginx" "-g" "daemon off;"]' },
    ],
    config: {
      Env: [DEFAULT_PATH, `NGINX_VERSION=${version}-1~stretch`, "NJS_VERSION=1.13.12.0.2.0-1~stretch"],
      Cmd: ["nginx", "-g", "daemon off;"],
      ExposedPorts: keySet(["80/tcp"]),
      Labels: { maintainer: "NGINX Docker Maintainers <docker-maint@nginx.com>" },
      StopSignal: "SIGTERM",
    },
  };
}

export const nginx: HubImage[] = [
  nginxLatest,
  nginxAlpine,
  stretchNginx("1.13.12", ["1.13", "1.13.12"], "2018-05-09T05:22:10.5Z"),
  stretchNginx("1.12.2", ["1.12", "1.12.2"], "2018-05-09T05:25:09.2Z"),
];
