/** The HTTP/1.1 codec, servers and client of the virtual network (see ./http/). */
export * from "./http/index";
