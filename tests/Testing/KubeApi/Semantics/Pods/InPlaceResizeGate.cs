namespace RightSizer.Testing.KubeApi.Semantics.Pods;

/// <summary>
/// The InPlacePodVerticalScaling feature gate at its default for a minor version (kubernetes <c>kube_features.go</c>):
/// alpha and off in 1.32, beta and on from 1.33, GA and locked on from 1.35. While it is off the server does not
/// register <c>pods/resize</c> (<c>storage_core.go</c>) and drops <c>containerStatuses[].resources</c> and
/// <c>allocatedResources</c> from pod status (<c>dropDisabledPodStatusFields</c>).
/// </summary>
public static class InPlaceResizeGate
{
    public const int OnByDefaultFromMinor = 33;

    public static bool IsOn(int serverMinor) => serverMinor >= OnByDefaultFromMinor;
}
