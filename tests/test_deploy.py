"""The deployment files agree with the service: probes, port, user."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from app.settings import PROJECT_ROOT


@pytest.fixture(scope="module")
def manifests() -> dict[str, dict[str, Any]]:
    text = (PROJECT_ROOT / "deploy" / "deployment.yaml").read_text(encoding="utf-8")
    return {doc["kind"]: doc for doc in yaml.safe_load_all(text)}


def test_deployment_probes_the_health_routes(manifests: dict[str, dict[str, Any]]) -> None:
    container = manifests["Deployment"]["spec"]["template"]["spec"]["containers"][0]
    assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"
    assert container["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert container["ports"][0]["containerPort"] == 8000
    assert container["resources"]["requests"]["memory"]


def test_service_and_autoscaler_target_the_deployment(manifests: dict[str, dict[str, Any]]) -> None:
    labels = manifests["Deployment"]["spec"]["template"]["metadata"]["labels"]
    assert manifests["Service"]["spec"]["selector"] == labels
    target = manifests["HorizontalPodAutoscaler"]["spec"]["scaleTargetRef"]
    assert (target["kind"], target["name"]) == (
        "Deployment",
        manifests["Deployment"]["metadata"]["name"],
    )


def test_dockerfile_runs_as_the_manifest_user() -> None:
    dockerfile = (PROJECT_ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert "--uid 10001" in dockerfile
    assert "EXPOSE 8000" in dockerfile
    assert 'CMD ["python", "-m", "app", "serve"]' in dockerfile
