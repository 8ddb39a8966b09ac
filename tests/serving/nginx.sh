#!/bin/bash
# Debian's nginx, as a plain process on 127.0.0.1, with the server block docs/serving.md gives
# (only its listen address and root replaced), serving the test site.
source "$(dirname "$0")/common.sh"
copy_site
PORT=$(free_port)
conf=$(docblock nginx)
conf=$(replace_once "$conf" "listen 443 ssl;" "listen 127.0.0.1:$PORT;")
conf=$(replace_once "$conf" "root /srv/kaowu/public;" "root $WORK/public;")
printf '%s\n' "$conf" >"$WORK/site.conf"
mkdir -p "$WORK/tmp"
# The http block of Debian's /etc/nginx/nginx.conf (its mime.types, sendfile, gzip on), with the
# files of this run in $WORK instead of /run and /var/log.
cat >"$WORK/nginx.conf" <<CONF
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/error.log;
events { worker_connections 64; }
http {
    sendfile on;
    tcp_nopush on;
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log $WORK/access.log;
    gzip on;
    client_body_temp_path $WORK/tmp/body;
    proxy_temp_path $WORK/tmp/proxy;
    fastcgi_temp_path $WORK/tmp/fastcgi;
    uwsgi_temp_path $WORK/tmp/uwsgi;
    scgi_temp_path $WORK/tmp/scgi;
    include $WORK/site.conf;
}
CONF
nginx -t -q -p "$WORK" -e "$WORK/error.log" -c "$WORK/nginx.conf"
nginx -p "$WORK" -e "$WORK/error.log" -c "$WORK/nginx.conf" -g 'daemon off;' &
SERVER_PID=$!
wait_for_port "$PORT" "$WORK/error.log"
echo "nginx $(nginx -v 2>&1 | sed 's|.*/||') on 127.0.0.1:$PORT"
"$PY" "$HERE/check_site.py" "http://127.0.0.1:$PORT/" "$WORK/public" "$DOC" "$PUBLIC_BASE"
