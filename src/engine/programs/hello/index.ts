import type { Program } from "../../kernel/exec";

/**
 * The message of the current hello-world image (docker-library/hello-world, hello.c built
 * with DOCKER_IMAGE "hello-world" and the amd64 architecture line), written with one
 * write(2) as the static binary does.
 */
export const HELLO_MESSAGE = `
Hello from Docker!
This message shows that your installation appears to be working correctly.

To generate this message, Docker took the following steps:
 1. The Docker client contacted the Docker daemon.
 2. The Docker daemon pulled the "hello-world" image from the Docker Hub.
    (amd64)
 3. The Docker daemon created a new container from that image which runs the
    executable that produces the output you are currently reading.
 4. The Docker daemon streamed that output to the Docker client, which sent it
    to your terminal.

To try something more ambitious, you can run an Ubuntu container with:
 $ docker run -it ubuntu bash

Share images, automate workflows, and more with a free Docker ID:
 https://hub.docker.com/

For more examples and ideas, visit:
 https://docs.docker.com/get-started/

`;

/** /hello: prints the message and exits 0; it ignores its arguments, as the real one. */
export const hello: Program = async (proc) => {
  // A static binary of a few kilobytes: almost nothing resident.
  proc.setMemory(16, 4);
  await proc.stdout.write(HELLO_MESSAGE);
  return 0;
};

export const helloPrograms = { hello };
