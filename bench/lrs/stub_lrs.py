#!/usr/bin/env python3
"""A stand-in LRS for the memory benchmark: acknowledges every POST of
statements (200, their ids) without storing anything, so that a sync of a
million statements measures the player, not the LRS's memory.

    stub_lrs.py PORT
"""
import http.server
import json
import re
import socket
import socketserver
import sys

ID = re.compile(rb'\{"id":"([0-9a-f-]{36})"')


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        pass

    def setup(self):
        super().setup()
        # Headers and body leave in separate writes: without this, each
        # answer waits for the client's delayed ACK (40 ms).
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        ids = [m.decode() for m in ID.findall(body)]
        answer = json.dumps(ids).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


if __name__ == "__main__":
    Server(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
