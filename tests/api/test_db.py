"""Opening the store: several processes at once on a new data folder."""


def test_many_processes_opening_a_new_store_at_once(tmp_path) -> None:  # noqa: ANN001
    import os
    import subprocess
    import sys
    env = {**os.environ, "RIGHTSBOT_DATA_DIR": str(tmp_path / "data")}
    runs = [subprocess.Popen([sys.executable, "-m", "bot.cli", "token", "create", "--org", f"org {i}",
                              "--role", "editor"], env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True) for i in range(6)]
    results = [run.communicate(timeout=120) + (run.returncode,) for run in runs]
    assert all(code == 0 for _, _, code in results), [err for _, err, _ in results]
