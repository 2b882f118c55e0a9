namespace RightSizer.Testing.KubeApi.Simulation;

/// <summary>One controller of the simulated kube-controller-manager: reconciles every object it owns from the current state.</summary>
internal interface ISimulatedController
{
    /// <summary>The kinds whose changes can change what this controller does.</summary>
    IReadOnlyList<Model.ResourceType> Watches { get; }

    Task ReconcileAsync(CancellationToken cancellationToken);
}
