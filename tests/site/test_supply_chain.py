"""What the site runs on and how its code is written: no dependency with a known vulnerability, no risky call.

`pip-audit` asks PyPI's vulnerability data about every installed distribution; `bandit` reads our own code
for high-severity patterns (shell commands, weak hashes used for security, unsafe deserialisation, …).
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
OUR_CODE = ["alerts", "benchmarks", "consultations", "decisions", "home", "policy_pages", "reports", "search",
            "site", "surveys"]


def bandit(*paths):
    result = subprocess.run(
        [sys.executable, "-m", "bandit", "-q", "-r", *paths, "--severity-level", "high", "--format", "json"],
        cwd=ROOT, capture_output=True, text=True, timeout=300)
    return json.loads(result.stdout)


def test_every_folder_of_our_code_is_read():
    packages = {path.parent.name for path in ROOT.glob("*/__init__.py")} | {"site"}
    assert packages - {"tests"} == set(OUR_CODE)


def test_bandit_finds_no_high_severity_issue_in_our_code():
    report = bandit(*OUR_CODE)
    assert report["metrics"]["_totals"]["loc"] > 10_000  # it read the code, not an empty folder
    assert [f"{issue['filename']}:{issue['line_number']} {issue['test_id']} {issue['issue_text']}"
            for issue in report["results"]] == []


def test_bandit_would_report_a_high_severity_issue(tmp_path):
    (tmp_path / "risky.py").write_text("import subprocess\nsubprocess.run(input(), shell=True)\n")
    assert [issue["test_id"] for issue in bandit(str(tmp_path))["results"]] == ["B602"]


def test_no_installed_dependency_has_a_known_vulnerability():
    result = subprocess.run(
        [sys.executable, "-m", "pip_audit", "--format", "json", "--progress-spinner", "off", "--skip-editable"],
        cwd=ROOT, capture_output=True, text=True, timeout=600)
    dependencies = json.loads(result.stdout)["dependencies"]
    audited = [dependency for dependency in dependencies if "skip_reason" not in dependency]
    if not audited:
        # pip-audit then says "No known vulnerabilities found" and exits 0, having checked nothing.
        pytest.skip(f"pip-audit could not reach its vulnerability data for any of {len(dependencies)} "
                    f"distributions: {dependencies[0]['skip_reason'] if dependencies else result.stderr}")
    assert [f"{dependency['name']} {dependency['version']}: {[vuln['id'] for vuln in dependency['vulns']]}"
            for dependency in audited if dependency["vulns"]] == []
