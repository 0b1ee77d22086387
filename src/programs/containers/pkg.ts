// Programs that only exist inside container images (hello-world's /hello, redis-server, httpd,
// python3, busybox, ...). Their package is no package of the Photon catalog, so the host never
// installs them: the docker engine writes their stubs into a container's root file system.
export const CONTAINER_PKG = 'container-image';
