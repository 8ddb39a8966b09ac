#!/bin/bash
# Debian's Apache, as a plain process on 127.0.0.1, with the virtual host docs/serving.md gives
# (only its address and paths replaced) and the .htaccess the build writes, serving the test site.
source "$(dirname "$0")/common.sh"
copy_site
# The doc shows the .htaccess the build writes, byte for byte.
diff -u <(docblock htaccess) "$WORK/public/.htaccess" ||
  { echo "docs/serving.md's .htaccess differs from the one kaowu build writes"; exit 1; }
PORT=$(free_port)
conf=$(docblock apache)
conf=$(replace_once "$conf" "<VirtualHost *:443>" "<VirtualHost 127.0.0.1:$PORT>")
conf=${conf//\/srv\/kaowu\/public/$WORK/public}
printf '%s\n' "$conf" >"$WORK/site.conf"
# The modules Debian's apache2 package enables, and mod_headers (a2enmod headers, as the doc
# says), from mods-available; the rest of Debian's apache2.conf that matters here.
mods=""
for m in mpm_event access_compat alias auth_basic authn_core authn_file authz_core authz_host authz_user \
         autoindex deflate dir env filter mime negotiation reqtimeout setenvif status headers; do
  mods+="Include /etc/apache2/mods-available/$m.load"$'\n'
  [ -f "/etc/apache2/mods-available/$m.conf" ] && mods+="Include /etc/apache2/mods-available/$m.conf"$'\n'
done
cat >"$WORK/apache2.conf" <<CONF
ServerRoot /etc/apache2
DefaultRuntimeDir $WORK
PidFile $WORK/apache2.pid
ErrorLog $WORK/error.log
LogLevel warn
User www-data
Group www-data
ServerName 127.0.0.1
Listen 127.0.0.1:$PORT
$mods
AccessFileName .htaccess
<Directory />
    Options FollowSymLinks
    AllowOverride None
    Require all denied
</Directory>
Include $WORK/site.conf
CONF
apache2 -t -f "$WORK/apache2.conf" 2>&1 | grep -v "Syntax OK" || true
apache2 -f "$WORK/apache2.conf" -DFOREGROUND &
SERVER_PID=$!
wait_for_port "$PORT" "$WORK/error.log"
echo "$(apache2 -v | head -1) on 127.0.0.1:$PORT"
"$PY" "$HERE/check_site.py" "http://127.0.0.1:$PORT/" "$WORK/public" "$DOC" "$PUBLIC_BASE"
