/** The instances feature's public face: what the app shell may use. */
export { InstancesSidebar } from "./components/InstancesSidebar";
export { useInstances } from "./store";
