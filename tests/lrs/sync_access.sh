#!/bin/bash
# Reaching the LRS: a key or secret it refuses (401, 403) stops the sync
# with a clear message and nothing marked as sent, as does a captive
# portal's page in place of the LRS's answer; HRC_LRS_USER and
# HRC_LRS_PASSWORD override the file; TLS is verified, and --lrs-ca or
# `ca =` trusts a private authority; http_proxy is followed.
# Usage: sync_access.sh HRC_PLAYER PROGRESS_DRIVER WORKDIR NODE_DIR
set -u
HRC=$1 DRIVER=$2
source "$(dirname "$0")/lib.sh"
lrs_init "$3" "$4"
lrs_start
up=127.0.0.1:$LRS_PORT
marked() { sqlite3 "$1/progress.db" "SELECT count(*) FROM sync_state"; }

# The LRS checks the key and secret (Learning Locker's test mode takes any,
# so a proxy in front checks them as a real deployment does).
d=$work/kiosk
seed_store "$d" 3 10
proxy_start auth --upstream "$up" --auth "kiosk-7:right secret"
write_conf "http://127.0.0.1:$PROXY_PORT/xAPI" kiosk-7 "wrong secret"
run_sync "$d"
[ $? -eq 2 ] || fail "401: exit status 2 expected"
grep -q "refused the key and secret (HTTP 401)" "$work/err" &&
  grep -q "nothing was marked as sent" "$work/err" || fail "401: $(cat "$work/err")"
grep -qx "Sent 0 statements, 30 pending, 0 refused" "$work/out" || fail "401: $(cat "$work/out")"
[ "$(marked "$d")" = 0 ] || fail "401: something was marked"
# The environment overrides the file's secret.
HRC_LRS_USER=kiosk-7 HRC_LRS_PASSWORD="right secret" sync_ok "$d" "HRC_LRS_PASSWORD"
check_same "after the right secret" "$d"
proxy_stop auth

e=$work/kiosk-403
seed_store "$e" 2 10
proxy_start forbidden --upstream "$up" --auth "kiosk-7:right secret" --auth-status 403
write_conf "http://127.0.0.1:$PROXY_PORT/xAPI" kiosk-7 "wrong secret"
run_sync "$e"
[ $? -eq 2 ] && grep -q "(HTTP 403)" "$work/err" || fail "403: $(cat "$work/err")"
[ "$(marked "$e")" = 0 ] || fail "403: something was marked"
proxy_stop forbidden

# A captive portal answers 200 with its login page: not an LRS's answer
# (which lists the statements' ids), so nothing is marked as sent.
proxy_start portal --portal
write_conf "http://127.0.0.1:$PROXY_PORT/xAPI" k s
run_sync "$e"
[ $? -eq 1 ] && grep -q "does not list the statements sent" "$work/err" &&
  grep -q "login page" "$work/err" || fail "captive portal: $(cat "$work/err")"
[ "$(marked "$e")" = 0 ] || fail "captive portal: something was marked"
proxy_stop portal

# TLS with a private authority: a CA, and a certificate for 127.0.0.1.
tls=$work/tls
mkdir -p "$tls"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Test city CA" \
  -keyout "$tls/ca.key" -out "$tls/ca.pem" 2> /dev/null || fail "openssl: CA"
openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" \
  -keyout "$tls/lrs.key" -out "$tls/lrs.csr" 2> /dev/null || fail "openssl: request"
printf 'subjectAltName = IP:127.0.0.1, DNS:localhost\n' > "$tls/ext"
openssl x509 -req -in "$tls/lrs.csr" -CA "$tls/ca.pem" -CAkey "$tls/ca.key" \
  -CAcreateserial -days 2 -extfile "$tls/ext" -out "$tls/lrs.pem" 2> /dev/null ||
  fail "openssl: signing"
proxy_start tls --upstream "$up" --tls "$tls/lrs.pem" "$tls/lrs.key"
t=$work/kiosk-tls
seed_store "$t" 2 10
write_conf "https://127.0.0.1:$PROXY_PORT/xAPI" k s
run_sync "$t"
[ $? -eq 2 ] && grep -q "certificate could not be verified" "$work/err" ||
  fail "unknown authority: $(cat "$work/err")"
[ "$(marked "$t")" = 0 ] || fail "TLS refused: something was marked"
sync_ok "$t" "--lrs-ca" --lrs-ca "$tls/ca.pem"
u=$work/kiosk-tls-conf
seed_store "$u" 2 10
write_conf "https://127.0.0.1:$PROXY_PORT/xAPI" k s "ca = $tls/ca.pem"
sync_ok "$u" "ca ="
check_same "TLS" "$d" "$t" "$u"
proxy_stop tls

# http_proxy from the environment is followed; no_proxy too.
v=$work/kiosk-proxied
seed_store "$v" 2 10
proxy_start fwd --forward
write_conf "$LRS_URL" k s
http_proxy=http://127.0.0.1:$PROXY_PORT sync_ok "$v" "through http_proxy"
grep -q "^POST http://127.0.0.1:$LRS_PORT/xAPI/statements -> 200" "$work/proxy-fwd.log" ||
  fail "the sync did not go through http_proxy"
w=$work/kiosk-no-proxy
seed_store "$w" 2 10
before=$(wc -l < "$work/proxy-fwd.log")
http_proxy=http://127.0.0.1:$PROXY_PORT no_proxy=127.0.0.1 sync_ok "$w" "no_proxy"
[ "$(wc -l < "$work/proxy-fwd.log")" = "$before" ] || fail "no_proxy was not followed"
check_same "proxies" "$d" "$t" "$u" "$v" "$w"
echo "401 and 403 stop with nothing marked; private CA; http_proxy and no_proxy followed"
