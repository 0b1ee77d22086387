// Image references as docker normalizes them (distribution/reference ParseNormalizedNamed and
// FamiliarString), with the exact messages docker prints for bad ones.
import { describe, expect, it } from 'vitest';
import { familiarString, isImageId, isValidTag, parseReference, withDefaultTag } from '../../src/shared/docker-reference';

const HEX = '0123456789abcdef'.repeat(4);

describe('parseReference: valid names', () => {
  it.each([
    // input, domain, path, tag, digest, familiar, full
    ['nginx', 'docker.io', 'library/nginx', undefined, undefined, 'nginx', 'docker.io/library/nginx:latest'],
    ['nginx:1.27', 'docker.io', 'library/nginx', '1.27', undefined, 'nginx', 'docker.io/library/nginx:1.27'],
    ['library/nginx', 'docker.io', 'library/nginx', undefined, undefined, 'nginx', 'docker.io/library/nginx:latest'],
    ['docker.io/nginx', 'docker.io', 'library/nginx', undefined, undefined, 'nginx', 'docker.io/library/nginx:latest'],
    ['docker.io/library/nginx:alpine', 'docker.io', 'library/nginx', 'alpine', undefined, 'nginx', 'docker.io/library/nginx:alpine'],
    ['index.docker.io/library/redis', 'docker.io', 'library/redis', undefined, undefined, 'redis', 'docker.io/library/redis:latest'],
    ['index.docker.io/redis', 'docker.io', 'library/redis', undefined, undefined, 'redis', 'docker.io/library/redis:latest'],
    ['user/app:1', 'docker.io', 'user/app', '1', undefined, 'user/app', 'docker.io/user/app:1'],
    ['library/a/b', 'docker.io', 'library/a/b', undefined, undefined, 'library/a/b', 'docker.io/library/a/b:latest'],
    ['a/b/c/d:v2', 'docker.io', 'a/b/c/d', 'v2', undefined, 'a/b/c/d', 'docker.io/a/b/c/d:v2'],
    ['localhost/x', 'localhost', 'x', undefined, undefined, 'localhost/x', 'localhost/x:latest'],
    ['localhost:5000/x', 'localhost:5000', 'x', undefined, undefined, 'localhost:5000/x', 'localhost:5000/x:latest'],
    ['localhost:5000/team/app:dev', 'localhost:5000', 'team/app', 'dev', undefined, 'localhost:5000/team/app', 'localhost:5000/team/app:dev'],
    ['localhost', 'docker.io', 'library/localhost', undefined, undefined, 'localhost', 'docker.io/library/localhost:latest'],
    ['example.com/foo/bar', 'example.com', 'foo/bar', undefined, undefined, 'example.com/foo/bar', 'example.com/foo/bar:latest'],
    ['registry.example.com:443/foo', 'registry.example.com:443', 'foo', undefined, undefined, 'registry.example.com:443/foo', 'registry.example.com:443/foo:latest'],
    ['127.0.0.1:5000/foo:1', '127.0.0.1:5000', 'foo', '1', undefined, '127.0.0.1:5000/foo', '127.0.0.1:5000/foo:1'],
    ['[::1]:5000/foo', '[::1]:5000', 'foo', undefined, undefined, '[::1]:5000/foo', '[::1]:5000/foo:latest'],
    ['quay.io/docker.io/x', 'quay.io', 'docker.io/x', undefined, undefined, 'quay.io/docker.io/x', 'quay.io/docker.io/x:latest'],
    // an uppercase first element is taken as a host name (namespaces are lowercase)
    ['Foo/bar', 'Foo', 'bar', undefined, undefined, 'Foo/bar', 'Foo/bar:latest'],
    ['my-app', 'docker.io', 'library/my-app', undefined, undefined, 'my-app', 'docker.io/library/my-app:latest'],
    ['my--app__x.y_z', 'docker.io', 'library/my--app__x.y_z', undefined, undefined, 'my--app__x.y_z', 'docker.io/library/my--app__x.y_z:latest'],
    ['nginx:Latest_1.0-rc', 'docker.io', 'library/nginx', 'Latest_1.0-rc', undefined, 'nginx', 'docker.io/library/nginx:Latest_1.0-rc'],
    [`nginx@sha256:${HEX}`, 'docker.io', 'library/nginx', undefined, `sha256:${HEX}`, 'nginx', `docker.io/library/nginx@sha256:${HEX}`],
    [`nginx:1.27@sha256:${HEX}`, 'docker.io', 'library/nginx', '1.27', `sha256:${HEX}`, 'nginx', `docker.io/library/nginx:1.27@sha256:${HEX}`],
    [`localhost:5000/x@sha512:${HEX}${HEX}`, 'localhost:5000', 'x', undefined, `sha512:${HEX}${HEX}`, 'localhost:5000/x', `localhost:5000/x@sha512:${HEX}${HEX}`],
    [`nginx:${'t'.repeat(128)}`, 'docker.io', 'library/nginx', 't'.repeat(128), undefined, 'nginx', `docker.io/library/nginx:${'t'.repeat(128)}`],
  ])('%s', (input, domain, path, tag, digest, familiar, full) => {
    const r = parseReference(input);
    expect(r.ok, JSON.stringify(r)).toBe(true);
    if (!r.ok) return;
    expect(r.ref).toEqual({
      domain, path, ...(tag !== undefined ? { tag } : {}), ...(digest !== undefined ? { digest } : {}), name: `${domain}/${path}`, familiar, full,
    });
  });
});

describe('parseReference: the errors docker prints', () => {
  it.each([
    ['Nginx', 'invalid reference format: repository name (library/Nginx) must be lowercase'],
    ['NGINX:latest', 'invalid reference format: repository name (library/NGINX) must be lowercase'],
    ['user/App', 'invalid reference format: repository name (user/App) must be lowercase'],
    ['docker.io/User/app:1', 'invalid reference format: repository name (User/app) must be lowercase'],
    ['localhost:5000/Foo', 'invalid reference format: repository name (Foo) must be lowercase'],
    [`nginx@SHA256:${HEX}`, 'invalid reference format: repository name (library/nginx@SHA256) must be lowercase'],
    ['nginx:', 'invalid reference format'],
    [':tag', 'invalid reference format'],
    ['', 'invalid reference format'],
    ['-nginx', 'invalid reference format'],
    ['nginx:-tag', 'invalid reference format'],
    ['nginx:tag with space', 'invalid reference format'],
    ['nginx:a:b', 'invalid reference format'],
    ['a___b', 'invalid reference format'],
    ['a/', 'invalid reference format'],
    ['a//b', 'invalid reference format'],
    ['foo_bar.com:8080/x', 'invalid reference format'],
    ['http://nginx', 'invalid reference format'],
    [`nginx:${'t'.repeat(129)}`, 'invalid reference format'],
    ['nginx@sha256:abc', 'invalid reference format'],
    [`nginx@sha256:${HEX.slice(0, 32)}`, 'invalid checksum digest length'],
    [`nginx@md5:${HEX.slice(0, 32)}`, 'unsupported digest algorithm'],
    [`nginx@sha256:${HEX.toUpperCase()}`, 'invalid checksum digest format'],
    [HEX, `invalid repository name (${HEX}), cannot specify 64-byte hexadecimal strings`],
    [`a/${'b'.repeat(254)}`, 'repository name must not be more than 255 characters'],
    ['b'.repeat(250), 'repository name must not be more than 255 characters'],
  ])('%j', (input, message) => {
    expect(parseReference(input)).toEqual({ ok: false, message });
  });

  it('accepts a path of exactly 255 characters', () => {
    const r = parseReference(`a/${'b'.repeat(253)}`);
    expect(r.ok).toBe(true);
  });
});

describe('familiar forms', () => {
  it.each([
    ['nginx', 'nginx', 'nginx:latest'],
    ['docker.io/library/nginx:1.27', 'nginx:1.27', 'nginx:1.27'],
    ['user/app', 'user/app', 'user/app:latest'],
    ['localhost:5000/x:dev', 'localhost:5000/x:dev', 'localhost:5000/x:dev'],
    [`redis@sha256:${HEX}`, `redis@sha256:${HEX}`, `redis@sha256:${HEX}`],
  ])('%s', (input, familiar, tagged) => {
    const r = parseReference(input);
    if (!r.ok) throw new Error(r.message);
    expect(familiarString(r.ref)).toBe(familiar);
    expect(familiarString(withDefaultTag(r.ref))).toBe(tagged);
  });

  it('checks tags and image IDs', () => {
    expect(isValidTag('1.27-alpine')).toBe(true);
    expect(isValidTag('.hidden')).toBe(false);
    expect(isValidTag('')).toBe(false);
    expect(isImageId(HEX)).toBe(true);
    expect(isImageId(`sha256:${HEX}`)).toBe(true);
    expect(isImageId(HEX.slice(1))).toBe(false);
  });
});
