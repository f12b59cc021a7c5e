import "@xterm/xterm/css/xterm.css";
import "./app/app.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App";
import { sessions } from "./app/playground";
import { installTestHook } from "./app/testHook";

installTestHook(sessions);

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
