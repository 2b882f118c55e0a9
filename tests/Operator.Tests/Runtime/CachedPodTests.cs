using k8s;
using k8s.Models;
using RightSizer.Operator.Runtime;
using RightSizer.Operator.Updater;

namespace RightSizer.Operator.Tests.Runtime;

public sealed class CachedPodTests
{
    // A running Deployment pod as the API server returns it: defaults filled in, a volume, probes, an env entry from a
    // secret, an OOM kill in the last state, a resize in progress.
    private const string RunningPod = """
        {
          "apiVersion": "v1", "kind": "Pod",
          "metadata": {
            "name": "web-7d4b9-x2k4q", "namespace": "shop", "uid": "u-1", "resourceVersion": "42",
            "creationTimestamp": "2026-11-30T10:00:00Z", "labels": { "app": "web", "pod-template-hash": "7d4b9" },
            "annotations": { "rightsizer.io/applied": "web@3" },
            "ownerReferences": [ { "apiVersion": "apps/v1", "kind": "ReplicaSet", "name": "web-7d4b9", "uid": "rs-1", "controller": true } ]
          },
          "spec": {
            "volumes": [ { "name": "data", "emptyDir": {} } ],
            "containers": [ {
              "name": "app", "image": "eclipse-temurin:21-jre", "command": [ "java" ], "args": [ "-jar", "app.jar" ],
              "env": [ { "name": "JAVA_TOOL_OPTIONS", "value": "-Dfile.encoding=UTF-8" }, { "name": "TOKEN", "valueFrom": { "secretKeyRef": { "name": "s", "key": "k" } } } ],
              "envFrom": [ { "configMapRef": { "name": "settings" } } ],
              "ports": [ { "containerPort": 8080, "protocol": "TCP" } ],
              "resources": { "requests": { "memory": "256Mi", "cpu": "250m" }, "limits": { "memory": "512Mi" } },
              "resizePolicy": [ { "resourceName": "memory", "restartPolicy": "RestartContainer" } ],
              "livenessProbe": { "httpGet": { "path": "/healthz", "port": 8080 } },
              "readinessProbe": { "httpGet": { "path": "/readyz", "port": 8080 } },
              "volumeMounts": [ { "name": "data", "mountPath": "/data" } ],
              "securityContext": { "runAsNonRoot": true },
              "terminationMessagePath": "/dev/termination-log", "terminationMessagePolicy": "File", "imagePullPolicy": "IfNotPresent"
            } ],
            "restartPolicy": "Always", "dnsPolicy": "ClusterFirst", "schedulerName": "default-scheduler",
            "serviceAccountName": "default", "serviceAccount": "default", "securityContext": {}, "nodeName": "node-1",
            "tolerations": [ { "key": "node.kubernetes.io/not-ready", "operator": "Exists", "effect": "NoExecute" } ]
          },
          "status": {
            "phase": "Running", "qosClass": "Burstable", "hostIP": "10.0.0.1", "podIP": "10.1.0.7",
            "podIPs": [ { "ip": "10.1.0.7" } ],
            "conditions": [ { "type": "Ready", "status": "True" }, { "type": "PodResizeInProgress", "status": "True" } ],
            "containerStatuses": [ {
              "name": "app", "ready": true, "restartCount": 2, "image": "eclipse-temurin:21-jre", "imageID": "sha256:abc",
              "containerID": "containerd://c1", "started": true,
              "state": { "running": { "startedAt": "2026-11-30T11:00:00Z" } },
              "lastState": { "terminated": { "reason": "OOMKilled", "exitCode": 137, "finishedAt": "2026-11-30T10:59:00Z" } },
              "resources": { "requests": { "memory": "256Mi" }, "limits": { "memory": "512Mi" } }
            } ]
          }
        }
        """;

    [Test]
    public void Trim_RunningPod_UnreadPartsDropped()
    {
        var pod = KubernetesJson.Deserialize<V1Pod>(RunningPod);

        CachedPod.Trim(pod);

        var container = pod.Spec.Containers.Single();
        var status = pod.Status.ContainerStatuses.Single();
        Assert.Multiple(() =>
        {
            Assert.That(pod.Spec.Volumes, Is.Null);
            Assert.That(pod.Spec.Tolerations, Is.Null);
            Assert.That(pod.Spec.SecurityContext, Is.Null);
            Assert.That(pod.Spec.DnsPolicy, Is.Null);
            Assert.That(pod.Spec.ServiceAccountName, Is.Null);
            Assert.That(container.LivenessProbe, Is.Null);
            Assert.That(container.ReadinessProbe, Is.Null);
            Assert.That(container.Ports, Is.Null);
            Assert.That(container.VolumeMounts, Is.Null);
            Assert.That(container.EnvFrom, Is.Null);
            Assert.That(container.SecurityContext, Is.Null);
            Assert.That(container.Env.Select(e => e.Name), Is.EqualTo(new[] { "JAVA_TOOL_OPTIONS" }));
            Assert.That(pod.Status.PodIPs, Is.Null);
            Assert.That(status.State, Is.Null);
            Assert.That(status.ImageID, Is.Null);
        });
    }

    [Test]
    public void Trim_RunningPod_WhatReadersReadKept()
    {
        var original = KubernetesJson.Deserialize<V1Pod>(RunningPod);
        var pod = KubernetesJson.Deserialize<V1Pod>(RunningPod);

        CachedPod.Trim(pod);

        var container = pod.Spec.Containers.Single();
        var before = PodSnapshots.From(original);
        var after = PodSnapshots.From(pod);
        Assert.Multiple(() =>
        {
            Assert.That(after with { Containers = Array.Empty<ContainerState>() }, Is.EqualTo(before with { Containers = Array.Empty<ContainerState>() }));
            Assert.That(after.Containers, Is.EqualTo(before.Containers));
            Assert.That(after.Resize, Is.EqualTo(ResizeStatus.InProgress));
            Assert.That(KubernetesJson.Serialize(pod.Metadata), Is.EqualTo(KubernetesJson.Serialize(original.Metadata)));
            Assert.That(container.Image, Is.EqualTo("eclipse-temurin:21-jre"));
            Assert.That(container.Command, Is.EqualTo(new[] { "java" }));
            Assert.That(container.Args, Is.EqualTo(new[] { "-jar", "app.jar" }));
            Assert.That(KubernetesJson.Serialize(container.Resources), Is.EqualTo(KubernetesJson.Serialize(original.Spec.Containers[0].Resources)));
            Assert.That(pod.Spec.NodeName, Is.EqualTo("node-1"));
            Assert.That(pod.Status.Phase, Is.EqualTo("Running"));
            Assert.That(pod.Status.ContainerStatuses.Single().RestartCount, Is.EqualTo(2));
        });
    }

    [Test]
    public void Upsert_Pod_StoredTrimmed()
    {
        var cache = new ResourceCache<V1Pod>();

        cache.Upsert(KubernetesJson.Deserialize<V1Pod>(RunningPod));

        Assert.That(cache.Get("shop", "web-7d4b9-x2k4q")!.Spec.Volumes, Is.Null);
    }
}
