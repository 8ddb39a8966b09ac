"""Throwaway homes for the real clients: everything they write goes to a temp directory (in
/dev/shm when there is one: thousands of small files are slow on these disks), nothing to ~."""
import os
import tempfile


def scratch_dir(prefix):
    base = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None
    return tempfile.mkdtemp(prefix=prefix, dir=base)


def client_env(home):
    env = dict(os.environ)
    env.update({
        "HOME": home, "XDG_CONFIG_HOME": os.path.join(home, "config"),
        "XDG_DATA_HOME": os.path.join(home, "data"), "XDG_CACHE_HOME": os.path.join(home, "cache"),
        "TZ": "Asia/Shanghai", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
    })
    return env
