"""The server of the streaming benchmarks: `server.py PORT BYTES EVENTS`.

GET /download sends BYTES bytes (Content-Length, 1 MiB writes); GET /events sends EVENTS Server-Sent
Events `data: {"n":i}` (chunked, 4,096 events a write)."""
import http.server
import socketserver
import sys
import urllib.parse


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        url = urllib.parse.urlparse(self.path)
        if url.path == "/download":
            size = SIZE
            self.send_response(200)
            self.send_header("Content-Type", "application/octet-stream")
            self.send_header("Content-Length", str(size))
            self.end_headers()
            block = b"x" * (1 << 20)
            sent = 0
            while sent < size:
                piece = block[: min(len(block), size - sent)]
                self.wfile.write(piece)
                sent += len(piece)
        elif url.path == "/events":
            count = EVENTS
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            batch = []
            for n in range(count):
                batch.append(b'data: {"n":%d}\n\n' % n)
                if len(batch) == 4096 or n == count - 1:
                    data = b"".join(batch)
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
                    batch = []
            self.wfile.write(b"0\r\n\r\n")
        else:
            self.send_error(404)


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


SIZE = int(sys.argv[2])
EVENTS = int(sys.argv[3])

if __name__ == "__main__":
    Server(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
