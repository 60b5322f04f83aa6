"""A TCP proxy on loopback that adds a round-trip delay and, optionally, a bandwidth cap.

A desktop reaches Salesforce over the internet: 50-300 ms per round trip and a link of
tens of Mbit/s. The loopback demo org answers in microseconds, so a sync tuned against it
can hide costs (one request at a time, new TLS handshakes, too little concurrency) that a
real org exposes. Put this in front of any HTTPS server; TLS passes through untouched.

    python latency_proxy.py --target 127.0.0.1:PORT --rtt-ms 100 [--mbit 50] [--port 0]

Prints one JSON line: {"port": N, "rtt_ms": ..., "mbit": ...}, then serves until killed
(or until --ttl seconds). Each direction's bytes are delayed by rtt/2 and kept in order;
--mbit caps the server-to-client bytes of all connections together.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time


class Link:
    """Shared downstream capacity: a simple byte clock."""

    def __init__(self, mbit: float) -> None:
        self.bytes_per_s = mbit * 125_000 if mbit > 0 else 0.0
        self.free_at = 0.0

    def due(self, now: float, size: int) -> float:
        if not self.bytes_per_s:
            return now
        self.free_at = max(self.free_at, now) + size / self.bytes_per_s
        return self.free_at


async def pipe(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, delay: float, link: Link | None
) -> None:
    queue: asyncio.Queue[tuple[float, bytes]] = asyncio.Queue()

    async def pump() -> None:
        while True:
            data = await reader.read(65536)
            now = time.monotonic()
            send_at = (link.due(now, len(data)) if link and data else now) + delay
            await queue.put((send_at, data))
            if not data:
                return

    async def drain() -> None:
        while True:
            send_at, data = await queue.get()
            wait = send_at - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            if not data:
                try:
                    writer.write_eof()
                except (OSError, RuntimeError):
                    pass
                return
            writer.write(data)
            await writer.drain()

    try:
        await asyncio.gather(pump(), drain())
    except (ConnectionError, OSError):
        pass
    finally:
        writer.close()


async def serve(args: argparse.Namespace) -> None:
    host, port = args.target.rsplit(":", 1)
    link = Link(args.mbit)
    half = args.rtt_ms / 2000.0

    async def handle(c_reader: asyncio.StreamReader, c_writer: asyncio.StreamWriter) -> None:
        await asyncio.sleep(half * 2)  # the TCP handshake's round trip
        try:
            s_reader, s_writer = await asyncio.open_connection(host, int(port))
        except OSError:
            c_writer.close()
            return
        await asyncio.gather(pipe(c_reader, s_writer, half, None), pipe(s_reader, c_writer, half, link))

    server = await asyncio.start_server(handle, "127.0.0.1", args.port, limit=1 << 20)
    print(
        json.dumps({"port": server.sockets[0].getsockname()[1], "rtt_ms": args.rtt_ms, "mbit": args.mbit}),
        flush=True,
    )
    async with server:
        if args.ttl:
            await asyncio.sleep(args.ttl)
        else:
            await server.serve_forever()


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--target", required=True, help="HOST:PORT of the real server")
    p.add_argument("--rtt-ms", type=float, default=100.0)
    p.add_argument("--mbit", type=float, default=0.0, help="downstream cap in Mbit/s (0: none)")
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--ttl", type=float, default=0.0, help="stop after this many seconds (0: never)")
    asyncio.run(serve(p.parse_args()))


if __name__ == "__main__":
    main()
