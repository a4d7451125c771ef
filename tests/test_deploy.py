"""The deployment files agree with the service: probes, port, user."""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml

from app.settings import PROJECT_ROOT

DEPLOY = PROJECT_ROOT / "deploy"


def _documents(*paths: str) -> dict[str, dict[str, Any]]:
    return {
        doc["kind"]: doc
        for path in paths
        for doc in yaml.safe_load_all((DEPLOY / path).read_text(encoding="utf-8"))
    }


@pytest.fixture(scope="module")
def manifests() -> dict[str, dict[str, Any]]:
    kustomization = _documents("base/kustomization.yaml")["Kustomization"]
    return _documents(*(f"base/{path}" for path in kustomization["resources"]))


def _container(manifests: dict[str, dict[str, Any]]) -> dict[str, Any]:
    container: dict[str, Any] = manifests["Deployment"]["spec"]["template"]["spec"]["containers"][0]
    return container


def test_deployment_probes_the_health_routes(manifests: dict[str, dict[str, Any]]) -> None:
    container = _container(manifests)
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


def test_the_database_url_and_keys_come_from_the_secret(
    manifests: dict[str, dict[str, Any]],
) -> None:
    secret = manifests["Secret"]
    from_secret = {
        variable["name"]: variable["valueFrom"]["secretKeyRef"]
        for variable in _container(manifests)["env"]
        if "valueFrom" in variable
    }
    assert set(from_secret) == {"NEWSFACTS_DATABASE_URL", "NEWSFACTS_API_KEYS"}
    for reference in from_secret.values():
        assert reference["name"] == secret["metadata"]["name"]
        assert reference["key"] in secret["stringData"]
    assert secret["stringData"]["database-url"].startswith("postgresql+psycopg://")


def test_the_archive_volume_is_the_images_state_folder(
    manifests: dict[str, dict[str, Any]],
) -> None:
    dockerfile = (PROJECT_ROOT / "Dockerfile").read_text(encoding="utf-8")
    state_dir = re.search(r"NEWSFACTS_STATE_DIR=(\S+)", dockerfile)
    assert state_dir is not None
    assert f"VOLUME {state_dir.group(1)}" in dockerfile
    mounts = {m["name"]: m["mountPath"] for m in _container(manifests)["volumeMounts"]}
    assert mounts["archive"] == state_dir.group(1)
    volumes = manifests["Deployment"]["spec"]["template"]["spec"]["volumes"]
    assert "archive" in {volume["name"] for volume in volumes}


def test_the_sqlite_variant_is_one_replica_on_a_claimed_volume(
    manifests: dict[str, dict[str, Any]],
) -> None:
    overlay = _documents("sqlite/kustomization.yaml")["Kustomization"]
    assert overlay["resources"][0] == "../base"
    claim = _documents("sqlite/volume.yaml")["PersistentVolumeClaim"]
    patches = list(
        yaml.safe_load_all((DEPLOY / "sqlite" / overlay["patches"][0]["path"]).read_text())
    )
    deployment = next(patch for patch in patches if patch["kind"] == "Deployment")
    assert deployment["metadata"]["name"] == manifests["Deployment"]["metadata"]["name"]
    assert deployment["spec"]["replicas"] == 1
    assert deployment["spec"]["strategy"]["type"] == "Recreate"
    (volume,) = deployment["spec"]["template"]["spec"]["volumes"]
    assert volume["name"] == "archive"
    assert volume["persistentVolumeClaim"]["claimName"] == claim["metadata"]["name"]
    (container,) = deployment["spec"]["template"]["spec"]["containers"]
    assert container["env"] == [{"name": "NEWSFACTS_DATABASE_URL", "$patch": "delete"}]
    autoscaler = next(patch for patch in patches if patch["kind"] == "HorizontalPodAutoscaler")
    assert autoscaler["$patch"] == "delete"
