// hello-world's /hello: writes its message (our own words, in the shape of the original's) in
// one write and exits 0, whatever its arguments.
import { defineProgram } from '../define';
import { CONTAINER_PKG } from './pkg';

export const HELLO_MESSAGE = `
Hello from Docker!
If you can read this, your Docker installation works.

What just happened:
 1. The docker command, the client, asked the Docker daemon to run "hello-world".
 2. The daemon fetched the "hello-world" image from Docker Hub (unless it had it already).
    (amd64)
 3. The daemon created a container from that image and started the program in it:
    the one that printed these lines.
 4. The daemon sent the program's output back to the client, which showed it in
    your terminal.

For something bigger, start an interactive Photon OS container:
 $ docker run -it photon bash

Images to start from, and a place to share your own, with a free Docker ID:
 https://hub.docker.com/

More examples and guides:
 https://docs.docker.com/get-started/

`;

export default defineProgram({
  name: 'hello',
  installPath: '/hello',
  pkg: CONTAINER_PKG,
  mode: 0o775,
  async main(ctx) {
    try {
      await ctx.sys.write(1, HELLO_MESSAGE);
    } catch {
      return 1;
    }
    return 0;
  },
});
