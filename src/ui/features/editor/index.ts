/** The editor feature's public face: what the app shell may use. */
export { EditorDock } from "./components/EditorDock";
export { HostFiles } from "./hostFiles";
