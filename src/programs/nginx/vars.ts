// nginx variables in configuration values ("$host", "${uri}", "$1"): which names exist (an
// unknown one fails the configuration with `unknown "name" variable`) and expanding a value
// for a request.

const KNOWN = new Set(`args binary_remote_addr body_bytes_sent bytes_sent connection connection_requests
connection_time content_length content_type date_gmt date_local document_root document_uri host hostname
https is_args limit_rate msec nginx_version pid pipe proxy_protocol_addr proxy_protocol_port
proxy_protocol_server_addr proxy_protocol_server_port query_string realpath_root remote_addr remote_port
remote_user request request_body request_body_file request_completion request_filename request_id
request_length request_method request_time request_uri scheme server_addr server_name server_port
server_protocol status time_iso8601 time_local uri proxy_host proxy_port proxy_add_x_forwarded_for
realip_remote_addr realip_remote_port gzip_ratio invalid_referer connections_active connections_reading
connections_writing connections_waiting limit_req_status limit_conn_status uid_got uid_set uid_reset
modern_browser ancient_browser msie fastcgi_script_name fastcgi_path_info http2 upstream_addr
upstream_status upstream_response_time upstream_connect_time upstream_header_time upstream_response_length
upstream_bytes_received upstream_bytes_sent upstream_cache_status ssl_protocol ssl_cipher ssl_ciphers
ssl_curve ssl_curves ssl_server_name ssl_session_id ssl_session_reused ssl_early_data ssl_alpn_protocol
ssl_client_cert ssl_client_raw_cert ssl_client_escaped_cert ssl_client_s_dn ssl_client_i_dn ssl_client_serial
ssl_client_fingerprint ssl_client_verify ssl_client_v_start ssl_client_v_end ssl_client_v_remain
tcpinfo_rtt tcpinfo_rttvar tcpinfo_snd_cwnd tcpinfo_rcv_space`.split(/\s+/));

const PREFIXES = ['http_', 'sent_http_', 'sent_trailer_', 'cookie_', 'arg_', 'upstream_http_', 'upstream_trailer_', 'upstream_cookie_'];

export function knownVariable(name: string): boolean {
  return KNOWN.has(name) || PREFIXES.some((p) => name.startsWith(p) && name.length > p.length) || /^\d+$/.test(name);
}

const VAR_RE = /\$(?:\{([A-Za-z0-9_]+)\}|([A-Za-z0-9_]+))/g;

/** The variable names a value uses. */
export function variablesIn(value: string): string[] {
  return [...value.matchAll(VAR_RE)].map((m) => (m[1] ?? m[2])!).filter((n) => !/^\d+$/.test(n));
}

/** Expands `value`; `get` answers undefined for a variable without a value (it expands to ""). */
export function expand(value: string, get: (name: string) => string | undefined): string {
  if (!value.includes('$')) return value;
  return value.replace(VAR_RE, (_all, a: string | undefined, b: string | undefined) => {
    const name = (a ?? b)!;
    // "$1abc" names capture 1 followed by text, as nginx reads a digit variable
    const digits = /^(\d)(.*)$/.exec(name);
    if (digits) return (get(digits[1]!) ?? '') + digits[2]!;
    return get(name) ?? '';
  });
}
