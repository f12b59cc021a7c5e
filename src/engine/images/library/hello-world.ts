import { Layer } from "../../fs/layer";
import { binaryContent } from "../../kernel/exec";
import { DEFAULT_PATH, type HubImage, sharedLayer } from "../image";

/**
 * hello-world: a single static binary, /hello, in an otherwise empty image (FROM
 * scratch). 13.3kB in `docker image ls`; the layer holds only the binary.
 */
const rootfs = sharedLayer(() => new Layer({ mtimeMs: Date.UTC(2023, 4, 2, 16, 49, 27) }).file("/hello", binaryContent("hello"), 0o775));

export const helloWorld: HubImage[] = [
  {
    repository: "library/hello-world",
    tags: ["latest", "linux"],
    created: "2023-05-02T16:49:27Z",
    layers: [{ build: rootfs, size: 13_256, createdBy: "COPY hello / # buildkit" }],
    emptyHistory: [{ index: 0, createdBy: 'CMD ["/hello"]' }],
    config: { Env: [DEFAULT_PATH], Cmd: ["/hello"] },
  },
];
