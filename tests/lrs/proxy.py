#!/usr/bin/env python3
"""A misbehaving middleman for the LRS sync tests.

HTTP mode (default), in front of the LRS at --upstream, or as the proxy
named by http_proxy (--forward: requests carry absolute URLs):
  --status CODE --count K   answer the first K POSTs with CODE, not forwarded
  --delay SECONDS           wait this long before forwarding each POST
  --slow K                  only the first K POSTs are delayed (default: all)
  --auth USER:PASS          answer --auth-status (401) unless Basic USER:PASS
  --record DIR              keep each POST body as DIR/NNNNN.json
  --portal                  answer everything 200 with a login page, as a
                            captive portal does
  --tls CERT KEY            speak HTTPS
TCP mode (--tcp), bytes as they come, no HTTP:
  --cut-request N           close a connection after N bytes towards the LRS
  --cut-response N          close it after N bytes back from the LRS
  --cuts K                  only the first K connections are cut (default 1)
Every request (HTTP) or connection (TCP) is logged on stdout.
"""
import argparse
import base64
import http.client
import http.server
import os
import socket
import socketserver
import ssl
import sys
import threading
import time
import urllib.parse

lock = threading.Lock()
counters = {"posts": 0, "conns": 0}


def log(line):
    with lock:
        print(line, flush=True)


def next_count(name):
    with lock:
        counters[name] += 1
        return counters[name]


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        pass

    def setup(self):
        super().setup()
        # Headers and body leave in separate writes: without this, each
        # answer waits for the client's delayed ACK (40 ms).
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def reply(self, status, body=b"", content_type="application/json"):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        log(f"{self.command} {self.path} -> {status}")

    def handle_any(self):
        opts = self.server.opts
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        if opts.auth:
            want = "Basic " + base64.b64encode(opts.auth.encode()).decode()
            if self.headers.get("Authorization") != want:
                return self.reply(opts.auth_status,
                                  b'{"message":"Unauthorised: bad key or secret"}')
        if opts.portal:
            return self.reply(200, b"<html><body>Log in to the city's Wi-Fi</body></html>",
                              "text/html")
        if self.command == "POST":
            n = next_count("posts")
            if opts.record:
                with open(os.path.join(opts.record, f"{n:05d}.json"), "wb") as f:
                    f.write(body)
            if opts.status and n <= opts.count:
                return self.reply(opts.status, b'{"message":"the proxy says no"}')
            if opts.delay and (opts.slow == 0 or n <= opts.slow):
                time.sleep(opts.delay)
        if opts.forward:
            url = urllib.parse.urlsplit(self.path)
            host, port, path = url.hostname, url.port or 80, url.path
            if url.query:
                path += "?" + url.query
        else:
            host, port = opts.upstream.rsplit(":", 1)
            path = self.path
        conn = http.client.HTTPConnection(host, int(port), timeout=120)
        headers = {k: v for k, v in self.headers.items()
                   if k.lower() not in ("host", "connection", "proxy-connection",
                                        "keep-alive", "expect")}
        try:
            conn.request(self.command, path, body=body, headers=headers)
            resp = conn.getresponse()
            data = resp.read()
        except OSError as e:
            return self.reply(502, f'{{"message":"upstream: {e}"}}'.encode())
        finally:
            conn.close()
        self.reply(resp.status, data, resp.getheader("Content-Type") or "application/json")

    do_GET = do_POST = do_PUT = handle_any


class HTTPServer(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def pump(src, dst, limit, cut):
    """Copies src to dst; with cut, stops after limit bytes. Returns bytes copied."""
    copied = 0
    try:
        while True:
            data = src.recv(65536)
            if not data:
                break
            if cut and copied + len(data) >= limit:
                dst.sendall(data[: limit - copied])
                copied = limit
                break
            dst.sendall(data)
            copied += len(data)
    except OSError:
        pass
    for s in (src, dst):
        try:
            s.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
    return copied


def tcp_serve(opts):
    host, port = opts.upstream.rsplit(":", 1)
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", opts.listen))
    listener.listen(64)

    def serve(client):
        n = next_count("conns")
        cut = n <= opts.cuts
        upstream = socket.create_connection((host, int(port)))
        log(f"connection {n}{' (to be cut)' if cut else ''}")
        t = threading.Thread(target=pump, args=(client, upstream, opts.cut_request,
                                                cut and opts.cut_request > 0), daemon=True)
        t.start()
        pump(upstream, client, opts.cut_response, cut and opts.cut_response > 0)
        t.join()
        client.close()
        upstream.close()

    while True:
        client, _ = listener.accept()
        threading.Thread(target=serve, args=(client,), daemon=True).start()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--listen", type=int, required=True)
    p.add_argument("--upstream", default="")
    p.add_argument("--forward", action="store_true")
    p.add_argument("--status", type=int, default=0)
    p.add_argument("--count", type=int, default=0)
    p.add_argument("--delay", type=float, default=0)
    p.add_argument("--slow", type=int, default=0)
    p.add_argument("--auth", default="")
    p.add_argument("--auth-status", type=int, default=401)
    p.add_argument("--record", default="")
    p.add_argument("--portal", action="store_true")
    p.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"))
    p.add_argument("--tcp", action="store_true")
    p.add_argument("--cut-request", type=int, default=0)
    p.add_argument("--cut-response", type=int, default=0)
    p.add_argument("--cuts", type=int, default=1)
    opts = p.parse_args()
    if opts.record:
        os.makedirs(opts.record, exist_ok=True)
    if opts.tcp:
        return tcp_serve(opts)
    server = HTTPServer(("127.0.0.1", opts.listen), Handler)
    server.opts = opts
    if opts.tls:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(*opts.tls)
        server.socket = ctx.wrap_socket(server.socket, server_side=True)
    server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
