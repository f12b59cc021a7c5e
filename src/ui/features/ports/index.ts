/** The published-ports feature's public face: badges on an instance, and the bridge that serves /port/ URLs. */
export { PortBridge } from "./bridge";
export { PortBadges } from "./components/PortBadges";
export { portUrl, usePorts } from "./store";
