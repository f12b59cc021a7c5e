/** The registry commands, all top-level: login, logout, search. */
export { loginCommand } from "./login";
export { logoutCommand } from "./logout";
export { searchCommand } from "./search";
