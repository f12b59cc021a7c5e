/** The lessons feature's public face: what the app shell may use. */
export { LessonDock } from "./components/LessonDock";
export { useLessonLayout } from "./layout";
export { type Route, useRoute } from "./route";
export type { Terminals } from "./terminalInput";
