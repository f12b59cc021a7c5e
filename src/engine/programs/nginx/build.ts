import type { Process } from "../../kernel/process";

/** What `nginx -V` and the startup notices say about the build, per the image's distribution. */
export interface Build {
  version: string;
  compiler: string;
  openssl: string;
}

/** The version of the image's package: the official images set NGINX_VERSION in their Env. */
const DEFAULT_VERSION = "1.27.3";

/**
 * The compiler line of the official builds (note nginx's trailing space): nginx.org's Debian
 * packages for bookworm and stretch, and the Alpine images' apk build.
 */
function compilerOf(proc: Process): { compiler: string; openssl: string } {
  let osRelease = "";
  try {
    osRelease = proc.fs.readText("/etc/os-release");
  } catch {
    // A distroless copy of the binary still has a build string.
  }
  if (/^ID=alpine/m.test(osRelease))
    return { compiler: "gcc 13.2.1 20240309 (Alpine 13.2.1_git20240309) ", openssl: "OpenSSL 3.3.2 3 Sep 2024" };
  if (/VERSION_CODENAME=stretch|VERSION="9 \(stretch\)"/.test(osRelease))
    return { compiler: "gcc 6.3.0 20170516 (Debian 6.3.0-18+deb9u1) ", openssl: "OpenSSL 1.1.0f  25 May 2017" };
  return {
    compiler: "gcc 12.2.0 (Debian 12.2.0-14) ",
    openssl: "OpenSSL 3.0.11 19 Sep 2023 (running with OpenSSL 3.0.15 3 Sep 2024)",
  };
}

export function buildOf(proc: Process): Build {
  // Older images carried the package release in it: NGINX_VERSION=1.13.12-1~stretch.
  return { version: (proc.env.NGINX_VERSION || DEFAULT_VERSION).split("-")[0], ...compilerOf(proc) };
}

/** `configure arguments:` of nginx.org's Linux packages (abridged to the paths and main modules). */
export const CONFIGURE_ARGUMENTS =
  "--prefix=/etc/nginx --sbin-path=/usr/sbin/nginx --modules-path=/usr/lib/nginx/modules " +
  "--conf-path=/etc/nginx/nginx.conf --error-log-path=/var/log/nginx/error.log " +
  "--http-log-path=/var/log/nginx/access.log --pid-path=/run/nginx.pid --lock-path=/run/nginx.lock " +
  "--http-client-body-temp-path=/var/cache/nginx/client_temp --http-proxy-temp-path=/var/cache/nginx/proxy_temp " +
  "--http-fastcgi-temp-path=/var/cache/nginx/fastcgi_temp --http-uwsgi-temp-path=/var/cache/nginx/uwsgi_temp " +
  "--http-scgi-temp-path=/var/cache/nginx/scgi_temp --user=nginx --group=nginx --with-compat --with-file-aio " +
  "--with-threads --with-http_addition_module --with-http_auth_request_module --with-http_gzip_static_module " +
  "--with-http_realip_module --with-http_ssl_module --with-http_stub_status_module --with-http_v2_module " +
  "--with-stream --with-stream_ssl_module";

/** The temp directories the master creates at start (the `docker diff` of a fresh nginx container). */
export const TEMP_PATHS = ["client_temp", "proxy_temp", "fastcgi_temp", "uwsgi_temp", "scgi_temp"].map(
  (name) => `/var/cache/nginx/${name}`,
);
