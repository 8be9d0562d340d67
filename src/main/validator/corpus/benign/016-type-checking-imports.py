# expect: allowed
from __future__ import annotations
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import subprocess
    from socket import socket

def describe(process: subprocess.Popen, conn: socket) -> str:
    return "typed only"
