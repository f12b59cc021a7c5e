/**
 * The Web Worker entry: the one place that wires the engine for the browser. It owns a
 * playground with one host, node1, and a driver that runs it in real time and speaks
 * the protocol with the page.
 */
import "./polyfills";
import { Playground } from "../engine/playground/playground";
import { Driver } from "./driver";
import type { Command, WorkerEvent } from "./protocol";

const scope = self as unknown as {
  postMessage(event: WorkerEvent): void;
  onmessage: ((event: MessageEvent<Command>) => void) | null;
};

// Outside the engine the wall clock is fair game: a session starts at the real date and
// time, with a fresh seed, as a new Play-With-Docker session would.
const playground = new Playground({ seed: Date.now() >>> 0, startTime: Date.now() });
playground.addHost();

const driver = new Driver(playground, { post: (event) => scope.postMessage(event), realNow: () => performance.now() });
scope.onmessage = (event) => driver.handle(event.data);
driver.start();
