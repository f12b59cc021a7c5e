import type { Program } from "../../kernel/exec";
import { node } from "./node";

/** Node.js, by the name the images and Alpine's nodejs package stamp in their binaries. */
export const nodePrograms: Record<string, Program> = { node };
