using System.Text;

namespace RightSizer.Testing.KubeApi.Hosting;

/// <summary>Writes a kubeconfig with the server's URL, its CA (inline) and a bearer token: what kubectl and KubernetesClient read.</summary>
public static class Kubeconfig
{
    public static string Render(Uri server, string caPem, string token) =>
        $"""
        apiVersion: v1
        kind: Config
        clusters:
        - name: local
          cluster:
            server: {server.ToString().TrimEnd('/')}
            certificate-authority-data: {Convert.ToBase64String(Encoding.UTF8.GetBytes(caPem))}
        users:
        - name: local
          user:
            token: {token}
        contexts:
        - name: local
          context:
            cluster: local
            user: local
            namespace: default
        current-context: local

        """;
}
