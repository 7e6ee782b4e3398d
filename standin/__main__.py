"""``python -m standin``: run the stand-in alone for manual use (Ctrl-C stops it)."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal

from .server import BotAPIStandin


def _parse_user(value: str) -> tuple[int, str | None]:
    user_id, _, name = value.partition(":")
    try:
        return int(user_id), name or None
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected ID or ID:NAME, got {value!r}") from None


async def _serve(args: argparse.Namespace) -> None:
    server = BotAPIStandin(token=args.token)
    for user_id, name in args.user:
        server.user(user_id, first_name=name)
    url = await server.start(host=args.host, port=args.port)
    print(f"Bot API stand-in listening on {url} (token {server.token}); Ctrl-C stops it")
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)
    try:
        await stop.wait()
    finally:
        await server.stop()
        print(f"stopped after {len(server.calls)} calls, {len(server.violations)} violations")
        for violation in server.violations:
            print(f"  {violation}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m standin", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8081)
    parser.add_argument("--token", default="123456:TEST")
    parser.add_argument(
        "--user",
        type=_parse_user,
        action="append",
        default=[],
        metavar="ID[:NAME]",
        help="create a known user (repeatable) so the bot can message it",
    )
    args = parser.parse_args(argv)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_serve(args))


if __name__ == "__main__":
    main()
