/** The configuration files of the official nginx image (nginx:1.27, debian bookworm). */
export const NGINX_CONF = `
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

    keepalive_timeout  65;

    include /etc/nginx/conf.d/*.conf;
}
`;

export const DEFAULT_CONF = `server {
    listen       80;
    listen  [::]:80;
    server_name  localhost;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }
}
`;

export const MIME_TYPES = `
types {
    text/html                                        html htm shtml;
    text/css                                         css;
    image/png                                        png;
}
`;

export const NGINX_FILES: Record<string, string> = {
  "/etc/nginx/nginx.conf": NGINX_CONF,
  "/etc/nginx/conf.d/default.conf": DEFAULT_CONF,
  "/etc/nginx/mime.types": MIME_TYPES,
  "/usr/share/nginx/html/index.html": "<h1>Welcome to nginx!</h1>\n",
  "/var/cache/nginx/": "",
  "/var/log/nginx/": "",
  "/run/": "",
  "/etc/os-release":
    'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION_CODENAME=bookworm\nID=debian\n',
  "/etc/passwd": "root:x:0:0:root:/root:/bin/bash\nnginx:x:101:101:nginx user:/nonexistent:/bin/false\n",
};

/** The image's log links: error.log to the container's stderr, access.log to its stdout. */
export function linkLogs(fs: { symlink(target: string, path: string): void }): void {
  fs.symlink("/dev/stdout", "/var/log/nginx/access.log");
  fs.symlink("/dev/stderr", "/var/log/nginx/error.log");
}
