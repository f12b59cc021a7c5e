import { Layer } from "../../fs/layer";
import { binaryContent } from "../../kernel/exec";
import { DEFAULT_PATH, type HubImage, keySet, sharedLayer } from "../image";
import { script } from "../rootfs/skeleton";
import { BOOKWORM_SLIM } from "./debian";

/**
 * httpd: Apache HTTP Server 2.4 built from source into /usr/local/apache2, on
 * debian:bookworm-slim (the same base layer as nginx). Stopped with SIGWINCH, the
 * graceful stop; httpd-foreground removes a stale pid file and runs httpd -DFOREGROUND.
 */

const MTIME = Date.UTC(2025, 0, 23, 0, 0, 0);

const FOREGROUND = `#!/bin/sh
set -e

# Apache gets grumpy about PID files pre-existing
rm -f /usr/local/apache2/logs/httpd.pid

exec httpd -DFOREGROUND "$@"
`;

const INDEX = "<html><body><h1>It works!</h1></body></html>\n";

const HTTPD_CONF = `ServerRoot "/usr/local/apache2"
Listen 80
LoadModule mpm_event_module modules/mod_mpm_event.so
LoadModule authz_core_module modules/mod_authz_core.so
LoadModule mime_module modules/mod_mime.so
LoadModule log_config_module modules/mod_log_config.so
LoadModule unixd_module modules/mod_unixd.so
LoadModule dir_module modules/mod_dir.so
User www-data
Group www-data
ServerAdmin you@example.com
<Directory />
    AllowOverride none
    Require all denied
</Directory>
DocumentRoot "/usr/local/apache2/htdocs"
<Directory "/usr/local/apache2/htdocs">
    Options Indexes FollowSymLinks
    AllowOverride None
    Require all granted
</Directory>
<IfModule dir_module>
    DirectoryIndex index.html
</IfModule>
ErrorLog /proc/self/fd/2
LogLevel warn
<IfModule log_config_module>
    LogFormat "%h %l %u %t \\"%r\\" %>s %b" common
    CustomLog /proc/self/fd/1 common
</IfModule>
`;

const install = sharedLayer(() => {
  const layer = new Layer({ mtimeMs: MTIME });
  layer
    .file("/usr/local/apache2/bin/httpd", binaryContent("httpd"), 0o755)
    .file("/usr/local/apache2/bin/apachectl", binaryContent("httpd"), 0o755);
  layer
    .file("/usr/local/apache2/conf/httpd.conf", HTTPD_CONF)
    .file("/usr/local/apache2/conf/mime.types", "text/html\t\t\t\t\thtml htm\ntext/css\t\t\t\t\tcss\n");
  layer
    .file("/usr/local/apache2/htdocs/index.html", INDEX)
    .dir("/usr/local/apache2/logs")
    .dir("/usr/local/apache2/modules")
    .dir("/usr/local/apache2/cgi-bin");
  return layer;
});

export const httpd: HubImage[] = [
  {
    repository: "library/httpd",
    tags: ["latest", "2", "2.4", "2.4.63", "bookworm", "2.4-bookworm"],
    created: "2025-01-23T00:00:00Z",
    // 148MB: the 74.8MB base, runtime libraries, and the server built from source.
    layers: [
      BOOKWORM_SLIM.layer,
      {
        build: sharedLayer(() => new Layer({ mtimeMs: MTIME }).dir("/usr/local/apache2")),
        size: 0,
        createdBy: 'RUN /bin/sh -c mkdir -p "$HTTPD_PREFIX" 	&& chown www-data:www-data "$HTTPD_PREFIX" # buildkit',
      },
      {
        build: sharedLayer(() => new Layer({ mtimeMs: MTIME }).dir("/usr/lib/x86_64-linux-gnu")),
        size: 9_760_000,
        createdBy:
          "RUN /bin/sh -c set -eux; 	apt-get update; 	apt-get install -y --no-install-recommends 		ca-certificates 		libaprutil1-ldap 		libldap-common 	; 	rm -rf /var/lib/apt/lists/* # buildkit",
      },
      {
        build: install,
        size: 63_500_000,
        createdBy: 'RUN /bin/sh -c set -eux; 		savedAptMark="$(apt-mark showmanual)"; 	apt-get update; ... httpd -v # buildkit',
      },
      {
        build: sharedLayer(() => script(new Layer({ mtimeMs: MTIME }), "/usr/local/bin/httpd-foreground", FOREGROUND)),
        size: 138,
        createdBy: "COPY httpd-foreground /usr/local/bin/ # buildkit",
      },
    ],
    emptyHistory: [
      { index: 0, createdBy: BOOKWORM_SLIM.cmd },
      { index: 0, createdBy: "ENV HTTPD_PREFIX=/usr/local/apache2" },
      { index: 0, createdBy: "ENV PATH=/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" },
      { index: 1, createdBy: "WORKDIR /usr/local/apache2" },
      { index: 2, createdBy: "ENV HTTPD_VERSION=2.4.63" },
      { index: 3, createdBy: "STOPSIGNAL SIGWINCH" },
      { index: 4, createdBy: "EXPOSE map[80/tcp:{}]" },
      { index: 4, createdBy: 'CMD ["httpd-foreground"]' },
    ],
    config: {
      Env: [
        DEFAULT_PATH.replace("PATH=", "PATH=/usr/local/apache2/bin:"),
        "HTTPD_PREFIX=/usr/local/apache2",
        "HTTPD_VERSION=2.4.63",
        "HTTPD_SHA256=88fc236ab99b2864b248de7d49a008ec2afd7551e64dce8b95f58f32f94c46ab",
        "HTTPD_PATCHES=",
      ],
      Cmd: ["httpd-foreground"],
      ExposedPorts: keySet(["80/tcp"]),
      WorkingDir: "/usr/local/apache2",
      StopSignal: "SIGWINCH",
    },
  },
];
