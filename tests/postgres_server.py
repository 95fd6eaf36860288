"""Run a command against a throwaway PostgreSQL server: `python -m tests.postgres_server -- pytest`.

The server lives in a temporary directory, listens on a free loopback port, runs as the
`postgres` system user when started by root (initdb refuses root), and is removed afterwards.
"""

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile

FAST_UNSAFE_SETTINGS = ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]


def find_binaries():
    """The directory holding initdb and pg_ctl: PG_BIN, Debian's layout, or the PATH."""
    candidates = [os.environ.get("PG_BIN", "")]
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    candidates += [os.path.dirname(shutil.which("initdb") or "")]
    for directory in candidates:
        if directory and os.path.exists(os.path.join(directory, "initdb")):
            return directory
    sys.exit(
        "PostgreSQL was not found. On Debian: `apt-get install postgresql` "
        "(make test does it when run as root), or set PG_BIN to the folder with initdb."
    )


def free_port():
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def as_server_user(command):
    """Prefix a command so it runs as the unprivileged `postgres` user when we are root."""
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "postgres", "--", *command]


@contextlib.contextmanager
def throwaway_server():
    """Yield the DATABASE_URL of a fresh PostgreSQL server; stop and delete it on exit."""
    binaries = find_binaries()
    data_dir = tempfile.mkdtemp(prefix="botevgrad-pg-")
    if os.geteuid() == 0:
        user = pwd.getpwnam("postgres")
        os.chown(data_dir, user.pw_uid, user.pw_gid)
    port = free_port()
    log = os.path.join(data_dir, "server.log")
    subprocess.run(
        as_server_user([f"{binaries}/initdb", "-D", f"{data_dir}/data", "-U", "postgres", "-A", "trust", "-E", "UTF8",
                        "--locale=C.UTF-8"]),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    options = " ".join(["-p", str(port), "-k", data_dir, "-h", "127.0.0.1", *FAST_UNSAFE_SETTINGS])
    subprocess.run(
        as_server_user([f"{binaries}/pg_ctl", "-D", f"{data_dir}/data", "-l", log, "-o", options, "-w", "start"]),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    try:
        # The tests create their own test_… database; `make bench` uses this one.
        subprocess.run([f"{binaries}/createdb", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "botevgrad"],
                       check=True)
        yield f"postgres://postgres@127.0.0.1:{port}/botevgrad"
    finally:
        subprocess.run(
            as_server_user([f"{binaries}/pg_ctl", "-D", f"{data_dir}/data", "-m", "immediate", "stop"]),
            stdout=subprocess.DEVNULL,
            check=False,
        )
        shutil.rmtree(data_dir, ignore_errors=True)


def main(argv):
    command = argv[1:] if argv[:1] == ["--"] else argv
    if not command:
        sys.exit("usage: python -m tests.postgres_server -- COMMAND [ARGS…]")
    with throwaway_server() as database_url:
        environment = dict(os.environ, DATABASE_URL=database_url)
        return subprocess.run(command, env=environment, check=False).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
