// The directives nginx 1.26.2 knows as Photon builds it (core, events, epoll, OpenSSL, http and
// the http modules its configure line enables; the dynamic modules are not loaded by default),
// with where each may appear and how many arguments it takes. This is what decides
// `unknown directive`, `"x" directive is not allowed here`, `invalid number of arguments` and
// the block/semicolon errors (ngx_conf_handler). Facts read from the modules' command tables,
// grouped by "contexts arguments [b]":
//   contexts: m main, e events, h http, s server, l location, f if in server, i if in location,
//             x limit_except, u upstream, * anywhere
//   arguments: 0 none, f flag (on|off), N exactly N, 12 one or two..., 1+ one or more, 2+ two or more
//   b: a block directive (must open "{")

export type CtxLetter = 'm' | 'e' | 'h' | 's' | 'l' | 'f' | 'i' | 'x' | 'u';

export interface DirectiveSpec {
  contexts: string;
  args: string;
  block: boolean;
}

const TABLE = `
* 1: include
e 1: worker_connections use accept_mutex_delay debug_connection epoll_events worker_aio_requests
e f: multi_accept accept_mutex
h 0 b: server
h 1: variables_hash_max_size variables_hash_bucket_size server_names_hash_max_size
  server_names_hash_bucket_size http2_recv_buffer_size map_hash_max_size map_hash_bucket_size
h 1 b: upstream
h 12 b: geo
h 2: limit_conn_zone
h 2 b: charset_map map split_clients
h 2+: fastcgi_cache_path log_format proxy_cache_path scgi_cache_path uwsgi_cache_path
h 3: limit_req_zone
hs 1: connection_pool_size request_pool_size client_header_timeout client_header_buffer_size http2_pool_size
  http2_max_concurrent_streams http2_max_concurrent_pushes http2_max_requests http2_max_field_size
  http2_max_header_size http2_body_preread_size http2_streams_index_size http2_recv_timeout
  http2_idle_timeout ssl_certificate ssl_certificate_key ssl_password_file ssl_dhparam ssl_ecdh_curve
  ssl_ciphers ssl_buffer_size ssl_verify_client ssl_verify_depth ssl_client_certificate
  ssl_trusted_certificate ssl_session_ticket_key ssl_session_timeout ssl_crl ssl_ocsp_responder
  ssl_ocsp_cache ssl_stapling_file ssl_stapling_responder
hs 1+: ssl_protocols
hs 12: ssl_session_cache
hs 2: large_client_header_buffers ssl_conf_command
hs f: ignore_invalid_headers merge_slashes underscores_in_headers http2 ssl_prefer_server_ciphers
  ssl_session_tickets ssl_ocsp ssl_stapling ssl_stapling_verify ssl_early_data ssl_reject_handshake
hsfli f: rewrite_log uninitialized_variable_warn
hsl 0 b: types
hsl 1: types_hash_max_size types_hash_bucket_size default_type client_max_body_size client_body_buffer_size
  client_body_timeout client_body_in_file_only sendfile_max_chunk subrequest_output_buffer_size aio
  read_ahead directio directio_alignment send_timeout send_lowat postpone_output keepalive_time
  keepalive_requests satisfy auth_delay lingering_close lingering_time lingering_timeout server_tokens
  if_modified_since max_ranges open_file_cache_valid open_file_cache_min_uses resolver_timeout
  gzip_http_version http2_chunk_size http2_push auth_request autoindex_format modern_browser_value
  ancient_browser_value fastcgi_index fastcgi_split_path_info fastcgi_store fastcgi_connect_timeout
  fastcgi_send_timeout fastcgi_send_lowat fastcgi_buffer_size fastcgi_read_timeout
  fastcgi_busy_buffers_size fastcgi_limit_rate fastcgi_cache fastcgi_cache_key fastcgi_cache_min_uses
  fastcgi_cache_max_range_offset fastcgi_cache_lock_timeout fastcgi_cache_lock_age
  fastcgi_max_temp_file_size fastcgi_temp_file_write_size fastcgi_next_upstream_tries
  fastcgi_next_upstream_timeout fastcgi_pass_header fastcgi_hide_header fastcgi_catch_stderr
  grpc_connect_timeout grpc_send_timeout grpc_buffer_size grpc_read_timeout grpc_next_upstream_tries
  grpc_next_upstream_timeout grpc_pass_header grpc_hide_header grpc_ssl_ciphers grpc_ssl_name
  grpc_ssl_verify_depth grpc_ssl_trusted_certificate grpc_ssl_crl grpc_ssl_certificate
  grpc_ssl_certificate_key grpc_ssl_password_file gzip_comp_level gzip_window gzip_hash postpone_gzipping
  gzip_min_length limit_conn_log_level limit_conn_status limit_req_log_level limit_req_status
  memcached_connect_timeout memcached_send_timeout memcached_buffer_size memcached_read_timeout
  memcached_next_upstream_tries memcached_next_upstream_timeout memcached_gzip_flag mirror proxy_store
  proxy_connect_timeout proxy_send_timeout proxy_send_lowat proxy_headers_hash_max_size
  proxy_headers_hash_bucket_size proxy_set_body proxy_method proxy_buffer_size proxy_read_timeout
  proxy_busy_buffers_size proxy_limit_rate proxy_cache proxy_cache_key proxy_cache_min_uses
  proxy_cache_max_range_offset proxy_cache_lock_timeout proxy_cache_lock_age proxy_max_temp_file_size
  proxy_temp_file_write_size proxy_next_upstream_tries proxy_next_upstream_timeout proxy_pass_header
  proxy_hide_header proxy_http_version proxy_ssl_ciphers proxy_ssl_name proxy_ssl_verify_depth
  proxy_ssl_trusted_certificate proxy_ssl_crl proxy_ssl_certificate proxy_ssl_certificate_key
  proxy_ssl_password_file set_real_ip_from real_ip_header scgi_store scgi_connect_timeout
  scgi_send_timeout scgi_buffer_size scgi_read_timeout scgi_busy_buffers_size scgi_limit_rate scgi_cache
  scgi_cache_key scgi_cache_min_uses scgi_cache_max_range_offset scgi_cache_lock_timeout
  scgi_cache_lock_age scgi_max_temp_file_size scgi_temp_file_write_size scgi_next_upstream_tries
  scgi_next_upstream_timeout scgi_pass_header scgi_hide_header ssi_min_file_chunk ssi_value_length userid
  userid_service userid_name userid_domain userid_path userid_expires userid_p3p userid_mark
  uwsgi_modifier1 uwsgi_modifier2 uwsgi_store uwsgi_connect_timeout uwsgi_send_timeout uwsgi_buffer_size
  uwsgi_read_timeout uwsgi_busy_buffers_size uwsgi_limit_rate uwsgi_cache uwsgi_cache_key
  uwsgi_cache_min_uses uwsgi_cache_max_range_offset uwsgi_cache_lock_timeout uwsgi_cache_lock_age
  uwsgi_cache_background_update uwsgi_max_temp_file_size uwsgi_temp_file_write_size
  uwsgi_next_upstream_tries uwsgi_next_upstream_timeout uwsgi_string uwsgi_pass_header uwsgi_hide_header
  uwsgi_ssl_ciphers uwsgi_ssl_name uwsgi_ssl_verify_depth uwsgi_ssl_trusted_certificate uwsgi_ssl_crl
  uwsgi_ssl_certificate uwsgi_ssl_certificate_key uwsgi_ssl_password_file
hsl 1+: error_log resolver gzip_proxied gzip_disable ancient_browser charset_types fastcgi_cache_bypass
  fastcgi_no_cache fastcgi_cache_valid fastcgi_cache_use_stale fastcgi_cache_methods fastcgi_next_upstream
  fastcgi_ignore_headers grpc_next_upstream grpc_ignore_headers grpc_ssl_protocols gzip_types index
  memcached_next_upstream proxy_cache_bypass proxy_no_cache proxy_cache_valid proxy_cache_use_stale
  proxy_cache_methods proxy_next_upstream proxy_ignore_headers proxy_ssl_protocols scgi_cache_bypass
  scgi_no_cache scgi_cache_valid scgi_cache_use_stale scgi_cache_methods scgi_next_upstream
  scgi_ignore_headers ssi_types sub_filter_types uwsgi_cache_bypass uwsgi_no_cache uwsgi_cache_valid
  uwsgi_cache_use_stale uwsgi_cache_methods uwsgi_next_upstream uwsgi_ignore_headers uwsgi_ssl_protocols
hsl 12: keepalive_timeout keepalive_disable open_file_cache disable_symlinks modern_browser fastcgi_bind
  grpc_bind memcached_bind proxy_redirect proxy_cookie_domain proxy_cookie_path proxy_bind scgi_bind
  uwsgi_bind
hsl 123: fastcgi_store_access limit_req proxy_store_access scgi_store_access userid_flags uwsgi_store_access
hsl 1234: client_body_temp_path fastcgi_temp_path open_log_file_cache proxy_cookie_flags proxy_temp_path
  scgi_temp_path uwsgi_temp_path
hsl 2: auth_request_set fastcgi_buffers grpc_set_header grpc_ssl_conf_command gzip_buffers limit_conn
  proxy_set_header proxy_buffers proxy_ssl_conf_command scgi_buffers sub_filter uwsgi_buffers
  uwsgi_ssl_conf_command
hsl 23: fastcgi_param scgi_param uwsgi_param
hsl f: client_body_in_single_buffer aio_write tcp_nopush tcp_nodelay reset_timedout_connection
  absolute_redirect server_name_in_redirect port_in_redirect msie_padding msie_refresh log_not_found
  log_subrequest recursive_error_pages chunked_transfer_encoding etag open_file_cache_errors
  open_file_cache_events gzip_vary http2_push_preload autoindex autoindex_localtime autoindex_exact_size
  fastcgi_buffering fastcgi_request_buffering fastcgi_ignore_client_abort fastcgi_socket_keepalive
  fastcgi_pass_request_headers fastcgi_pass_request_body fastcgi_intercept_errors fastcgi_force_ranges
  fastcgi_cache_lock fastcgi_cache_revalidate fastcgi_cache_background_update fastcgi_keep_conn
  grpc_socket_keepalive grpc_intercept_errors grpc_ssl_session_reuse grpc_ssl_server_name grpc_ssl_verify
  gzip_no_buffer limit_conn_dry_run limit_req_dry_run memcached_socket_keepalive mirror_request_body
  proxy_buffering proxy_request_buffering proxy_ignore_client_abort proxy_socket_keepalive
  proxy_intercept_errors proxy_pass_request_headers proxy_pass_request_body proxy_force_ranges
  proxy_cache_lock proxy_cache_revalidate proxy_cache_convert_head proxy_cache_background_update
  proxy_ssl_session_reuse proxy_ssl_server_name proxy_ssl_verify real_ip_recursive scgi_buffering
  scgi_request_buffering scgi_ignore_client_abort scgi_socket_keepalive scgi_pass_request_headers
  scgi_pass_request_body scgi_intercept_errors scgi_force_ranges scgi_cache_lock scgi_cache_revalidate
  scgi_cache_background_update ssi_silent_errors ssi_ignore_recycled_buffers ssi_last_modified
  sub_filter_once sub_filter_last_modified uwsgi_buffering uwsgi_request_buffering
  uwsgi_ignore_client_abort uwsgi_socket_keepalive uwsgi_pass_request_headers uwsgi_pass_request_body
  uwsgi_intercept_errors uwsgi_force_ranges uwsgi_cache_lock uwsgi_cache_revalidate
  uwsgi_ssl_session_reuse uwsgi_ssl_server_name uwsgi_ssl_verify
hsli 1: root limit_rate limit_rate_after post_action charset source_charset
hsli 12: expires
hsli 2+: error_page
hsli 23: add_header add_trailer
hsli f: sendfile override_charset gzip ssi
hslix 1+: access_log
hslx 1: allow deny auth_basic auth_basic_user_file
l 0: internal empty_gif
l 1: alias
l 1+ b: limit_except
li 1: fastcgi_pass grpc_pass memcached_pass scgi_pass uwsgi_pass
lix 1: proxy_pass
m 0 b: events http
m 1: timer_resolution pid lock_file worker_processes debug_points worker_priority worker_rlimit_nofile
  worker_rlimit_core worker_shutdown_timeout working_directory env load_module ssl_engine
m 1+: worker_cpu_affinity error_log
m 12: user
m f: daemon master_process pcre_jit
s 1+: listen server_name
sfli 0: break
sfli 12: return
sfli 2: set
sfli 23: rewrite
sl 0/1: stub_status
sl 1: referer_hash_max_size referer_hash_bucket_size
sl 1+: valid_referers
sl 1+ b: if
sl 12 b: location
sl 2+: try_files
u 0: ip_hash least_conn
u 0/12: random
u 1: keepalive keepalive_time keepalive_timeout keepalive_requests
u 1+: server
u 12: hash zone
`;

function build(): Map<string, DirectiveSpec[]> {
  const map = new Map<string, DirectiveSpec[]>();
  let current: DirectiveSpec | undefined;
  for (const line of TABLE.split('\n')) {
    if (!line.trim()) continue;
    let names = line;
    if (!line.startsWith(' ')) {
      const colon = line.indexOf(':');
      const [contexts = '', args = '', block] = line.slice(0, colon).split(' ');
      current = { contexts, args, block: block === 'b' };
      names = line.slice(colon + 1);
    }
    for (const name of names.trim().split(/\s+/)) {
      const list = map.get(name) ?? [];
      list.push(current!);
      map.set(name, list);
    }
  }
  return map;
}

let table: Map<string, DirectiveSpec[]> | undefined;

/** Every spec of a directive name (a name can have one per context, e.g. `server`). */
export function directiveSpecs(name: string): DirectiveSpec[] | undefined {
  table ??= build();
  return table.get(name);
}

/** Whether `n` arguments (the name not counted) suit the spec (ngx_conf_handler's check). */
export function argCountOk(spec: DirectiveSpec, n: number): boolean {
  switch (spec.args) {
    case 'f': return n === 1;
    case '0': return n === 0;
    case '1+': return n >= 1;
    case '2+': return n >= 2;
    default: return n <= 7 && spec.args.includes(String(n));
  }
}

export function allowedIn(spec: DirectiveSpec, ctx: CtxLetter): boolean {
  return spec.contexts === '*' || spec.contexts.includes(ctx);
}
