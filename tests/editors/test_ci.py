"""CI templates, pre-commit hook, lock file and the CI script's failure message."""

from __future__ import annotations

import os
import re
import subprocess
import tomllib

import yaml
from packaging.requirements import Requirement
from thidua_testing import ROOT

WORKFLOW = ROOT / ".github/workflows/thidua.yml"
GITLAB = ROOT / ".gitlab-ci.yml"


def _commands(data: object) -> list[str]:
    """Every shell line of a CI file (GitHub ``run``, GitLab ``script``)."""
    found: list[str] = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key in ("run", "script") and isinstance(value, str):
                found.append(value)
            elif key == "script" and isinstance(value, list):
                found += [str(v) for v in value]
            else:
                found += _commands(value)
    elif isinstance(data, list):
        for value in data:
            found += _commands(value)
    return found


def _make_targets(lines: list[str]) -> set[str]:
    targets = set()
    for line in lines:
        for match in re.finditer(r"\bmake(?:\s+-s)?\s+([a-z][\w-]*)", line):
            targets.add(match[1])
    return targets


def test_both_ci_templates_run_the_makefile_targets():
    for path in (WORKFLOW, GITLAB):
        lines = _commands(yaml.safe_load(path.read_text(encoding="utf-8")))
        targets = _make_targets(lines)
        assert {"check", "offline", "impact"} <= targets, (path, targets)
        assert any(line.strip() == ".ci/run" for line in lines), path  # make test
        for target in targets:
            dry = subprocess.run(
                ["make", "-n", "LOCKED=1", target], cwd=ROOT, capture_output=True, text=True
            )
            assert dry.returncode == 0, (path, target, dry.stderr)
        text = path.read_text(encoding="utf-8")
        assert 'LOCKED: "1"' in text and "dist/thidua-offline.zip" in text and "site/" in text


def test_the_github_workflow_runs_on_pull_requests_and_comments():
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert "pull_request" in data[True]  # YAML reads the key "on" as true
    steps = data["jobs"]["check-build-test"]["steps"]
    assert any("github-script" in step.get("uses", "") for step in steps)
    assert data["permissions"]["pull-requests"] == "write"


def test_the_gitlab_pipeline_posts_the_report_on_merge_requests():
    data = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))
    impact = data["impact"]
    assert impact["rules"][0]["if"] == '$CI_PIPELINE_SOURCE == "merge_request_event"'
    assert any("merge_requests/$CI_MERGE_REQUEST_IID/notes" in line for line in impact["script"])
    assert data["build"]["artifacts"]["paths"] == ["site/", "dist/thidua-offline.zip"]


def test_the_pre_commit_hook():
    data = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = [hook for repo in data["repos"] for hook in repo["hooks"]]
    (hook,) = [h for h in hooks if "thidua" in h["id"] and "thidua check" in h["entry"]]
    assert hook["entry"] == ".venv/bin/thidua check" and hook["language"] == "system"
    assert hook["pass_filenames"] is False


def test_the_lock_pins_every_dependency_with_hashes():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = [*project["dependencies"], *project["optional-dependencies"]["test"]]
    lock = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    pins = dict(re.findall(r"^([A-Za-z0-9_.-]+)==([^\s;]+)(?: ;[^\n]*)? \\$", lock, re.MULTILINE))
    pins = {re.sub(r"[-_.]+", "-", name).lower(): version for name, version in pins.items()}
    for line in wanted:
        requirement = Requirement(line.split("#")[0].strip())
        if requirement.marker is not None and not requirement.marker.evaluate():
            continue  # the lock is for the CI's Python (3.11, latest patch release)
        name = re.sub(r"[-_.]+", "-", requirement.name).lower()
        assert name in pins, f"{name} is not in requirements.lock: run make lock"
        assert requirement.specifier.contains(pins[name], prereleases=True), (
            f"requirements.lock pins {name}=={pins[name]}, pyproject.toml wants "
            f"{requirement.specifier}: run make lock"
        )
    blocks = re.split(r"\n(?=[^\s#])", lock)
    assert len([b for b in blocks if "==" in b]) == len(pins) > 30
    assert all("--hash=sha256:" in block for block in blocks if "==" in block)


def test_a_ci_failure_reads_as_a_summary_not_a_traceback(tmp_path):
    fake = tmp_path / "make"
    fake.write_text(
        "#!/bin/sh\n"
        "echo '/work/tests/x/test_a.py:12: AssertionError: the register lists 3 rows'\n"
        "echo 'FAILED tests/x/test_a.py::test_rows - AssertionError: the register'\n"
        "echo 'make: *** [Makefile:99: test] Error 1' >&2\n"
        "exit 2\n",
        encoding="utf-8",
    )
    fake.chmod(0o755)
    env = {**os.environ, "PATH": f"{tmp_path}:{os.environ['PATH']}"}
    proc = subprocess.run([str(ROOT / ".ci/run")], capture_output=True, text=True, env=env)
    assert proc.returncode == 2
    assert "==== CI THẤT BẠI (failed) — bước: test — có kiểm thử không đạt" in proc.stderr
    assert "FAILED tests/x/test_a.py::test_rows" in proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr


def test_the_ci_script_asks_pytest_for_one_line_per_failure():
    script = (ROOT / ".ci/run").read_text(encoding="utf-8")
    assert "make test" in script and "--tb=line" in script
