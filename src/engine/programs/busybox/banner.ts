/** The first line of every busybox usage text: version and build date of Alpine 3.21's busybox. */
export const BUSYBOX_BANNER = "BusyBox v1.37.0 (2025-01-17 18:12:01 UTC) multi-call binary.";
