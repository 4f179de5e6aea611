"""A throwaway Balises server and a bounded HTTP load, both on 127.0.0.1 only.

Pure Python: one thread per keep-alive connection with http.client. The client shares the
machine with the server, so absolute numbers are pessimistic; compare pages measured in the same
run instead.
"""

import contextlib
import http.client
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

HOST = "127.0.0.1"


@dataclass
class LoadResult:
    path: str
    server_cpu: float = float("nan")  # seconds of server CPU spent during the run
    requests: int = 0
    errors: int = 0
    elapsed: float = 0.0
    latencies: list[float] = field(default_factory=list)  # seconds, successful requests only

    @property
    def throughput(self) -> float:
        return self.requests / self.elapsed if self.elapsed else 0.0

    @property
    def cpu_ms_per_request(self) -> float:
        return 1000 * self.server_cpu / self.requests if self.requests else float("nan")

    def percentile(self, fraction: float) -> float:
        """Latency at `fraction` (0.5, 0.95) in milliseconds; NaN when nothing succeeded."""
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        index = min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))
        return ordered[index] * 1000


@dataclass
class Server:
    port: int
    pid: int


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def server_environment(data_dir: Path) -> dict[str, str]:
    """Production settings on a fresh SQLite database in `data_dir`, whatever the caller uses."""
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "BALISES_DEV"}}
    env.update(
        BALISES_DATA_DIR=str(data_dir),
        BALISES_LOG_LEVEL="WARNING",
        DJANGO_SETTINGS_MODULE="balises.core.bench.server_settings",
    )
    env.pop("BALISES_STATIC_MANIFEST", None)
    return env


@contextlib.contextmanager
def running_server(workers: int = 2, threads: int = 4) -> Iterator["Server"]:
    """Prepare a temporary instance, serve it with gunicorn, yield it, always stop it."""
    with tempfile.TemporaryDirectory(prefix="balises-bench-") as tmp:
        data_dir = Path(tmp)
        env = server_environment(data_dir)
        python = sys.executable
        subprocess.run(
            [python, "-m", "balises", "setup", "--no-seed"],
            env=env,
            check=True,
            capture_output=True,
            timeout=300,
        )
        port = free_port()
        log_path = data_dir / "gunicorn.log"
        with log_path.open("wb") as log:
            server = subprocess.Popen(
                [
                    python, "-m", "gunicorn", "balises.wsgi:application",
                    "--bind", f"{HOST}:{port}",
                    "--workers", str(workers), "--threads", str(threads),
                    "--log-level", "warning",
                ],
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )  # fmt: skip
            try:
                wait_until_ready(port, server, log_path)
                yield Server(port, server.pid)
            finally:
                stop(server)


def wait_until_ready(port: int, server: subprocess.Popen, log_path: Path, timeout=60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"le serveur s'est arrêté : {log_path.read_text()[-2000:]}")
        with contextlib.suppress(OSError, http.client.HTTPException):
            connection = http.client.HTTPConnection(HOST, port, timeout=2)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                connection.close()
                return
        time.sleep(0.2)
    raise RuntimeError("le serveur n'a pas répondu à temps")


def stop(server: subprocess.Popen) -> None:
    """Stop the server by its PID: politely, then by force."""
    if server.poll() is None:
        server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def process_tree_cpu_seconds(root_pid: int) -> float:
    """User + system CPU time of a process and its direct children (gunicorn's workers).

    Read from /proc (Linux); NaN elsewhere. On a shared machine, CPU time per request is steadier
    than throughput, which also depends on what the neighbours and the load generator do.
    """
    proc = Path("/proc")
    if not proc.is_dir():
        return float("nan")
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for stat_path in proc.glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            # Fields after the command name, which may contain spaces: state is field 3.
            fields = stat_path.read_text().rsplit(")", 1)[1].split()
            pid, parent = int(stat_path.parent.name), int(fields[1])
            if root_pid in (pid, parent):
                total += (int(fields[11]) + int(fields[12])) / ticks
    return total


def run_load(
    server: Server, path: str, *, connections=32, duration: float = 5.0, max_requests=100_000
) -> LoadResult:
    """`connections` keep-alive clients hammer `path` for `duration` seconds or `max_requests`."""
    port = server.port
    result = LoadResult(path)
    cpu_before = process_tree_cpu_seconds(server.pid)
    lock = threading.Lock()
    budget = [max_requests]
    deadline = time.monotonic() + duration

    def take_one() -> bool:
        with lock:
            if budget[0] <= 0 or time.monotonic() >= deadline:
                return False
            budget[0] -= 1
            return True

    def client() -> None:
        connection = http.client.HTTPConnection(HOST, port, timeout=10)
        latencies, errors = [], 0
        while take_one():
            started = time.perf_counter()
            try:
                connection.request("GET", path, headers={"Connection": "keep-alive"})
                response = connection.getresponse()
                response.read()
                ok = response.status == 200
            except (OSError, http.client.HTTPException):
                ok = False
                connection.close()
                connection = http.client.HTTPConnection(HOST, port, timeout=10)
            if ok:
                latencies.append(time.perf_counter() - started)
            else:
                errors += 1
        connection.close()
        with lock:
            result.latencies.extend(latencies)
            result.errors += errors

    threads = [threading.Thread(target=client, daemon=True) for _ in range(connections)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=duration + 30)
    result.elapsed = time.perf_counter() - started
    result.server_cpu = process_tree_cpu_seconds(server.pid) - cpu_before
    result.requests = len(result.latencies)
    return result
